using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallPing.WebFrontend.Intake.PagerDuty;

/// <summary>The "payload" of a PagerDuty v2 event; summary, source and severity are required for a trigger.</summary>
public sealed record PagerDutyPayload
{
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("severity")]
    public string? Severity { get; init; }

    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }

    [JsonPropertyName("component")]
    public string? Component { get; init; }

    [JsonPropertyName("group")]
    public string? Group { get; init; }

    [JsonPropertyName("class")]
    public string? Class { get; init; }

    [JsonPropertyName("custom_details")]
    public JsonElement? CustomDetails { get; init; }
}
