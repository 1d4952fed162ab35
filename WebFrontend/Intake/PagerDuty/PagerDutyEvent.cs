using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallPing.WebFrontend.Intake.PagerDuty;

/// <summary>A PagerDuty Events API v2 alert event, as POSTed to /v2/enqueue by Alertmanager, Grafana and PagerDuty clients.</summary>
public sealed record PagerDutyEvent
{
    [JsonPropertyName("routing_key")]
    public string? RoutingKey { get; init; }

    [JsonPropertyName("event_action")]
    public string? EventAction { get; init; }

    [JsonPropertyName("dedup_key")]
    public string? DedupKey { get; init; }

    [JsonPropertyName("payload")]
    public PagerDutyPayload? Payload { get; init; }

    [JsonPropertyName("images")]
    public JsonElement? Images { get; init; }

    [JsonPropertyName("links")]
    public JsonElement? Links { get; init; }

    [JsonPropertyName("client")]
    public string? Client { get; init; }

    [JsonPropertyName("client_url")]
    public string? ClientUrl { get; init; }
}
