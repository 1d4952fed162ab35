using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallPing.WebFrontend.Intake;

/// <summary>
/// Strict JSON reading for intake bodies: no comments, trailing commas, duplicate properties, numbers in strings or
/// nesting deeper than configured. The native API also refuses unknown properties (a misspelt "dedup_key" would
/// otherwise open a new alert on every repeat); the integrations ignore them because their senders add fields over time.
/// </summary>
public static class IntakeJson
{
    public static JsonSerializerOptions Native(int maxDepth) => Create(maxDepth, JsonUnmappedMemberHandling.Disallow, JsonNamingPolicy.CamelCase);

    /// <summary>For PagerDuty, Alertmanager and Grafana bodies, whose DTOs name every property explicitly.</summary>
    public static JsonSerializerOptions Integration(int maxDepth) => Create(maxDepth, JsonUnmappedMemberHandling.Skip, null);

    /// <summary>For details JSON written by intake: compact, absent values left out.</summary>
    public static JsonSerializerOptions Details { get; } = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static JsonSerializerOptions Create(int maxDepth, JsonUnmappedMemberHandling unmapped, JsonNamingPolicy? naming)
    {
        var options = new JsonSerializerOptions
        {
            MaxDepth = maxDepth,
            PropertyNamingPolicy = naming,
            PropertyNameCaseInsensitive = false,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = unmapped,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
