using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallPing.Ari;

/// <summary>Serializer settings matching ARI's wire format (snake_case, Asterisk timestamps).</summary>
public static class AriJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new AriTimestampConverter() },
    };
}
