using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallPing.Ari;

/// <summary>
/// Asterisk writes "2026-03-01T12:00:00.123+0000": the offset has no colon, which the default
/// DateTimeOffset reader rejects.
/// </summary>
public sealed class AriTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("Timestamp is null.");
        return Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var text = value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
        writer.WriteStringValue(text);
    }

    /// <summary>Reads an Asterisk timestamp, or any ISO 8601 one.</summary>
    public static DateTimeOffset Parse(string text)
    {
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsDigit(text[^1]))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out exact))
        {
            return exact;
        }

        throw new JsonException($"Not a timestamp: '{text}'.");
    }
}
