using System.Text.Json.Serialization;

namespace CallPing.WebFrontend.Intake.Webhooks;

/// <summary>
/// An Alertmanager webhook (version "4") or a Grafana alerting webhook, which is the same group of alerts with a few
/// more fields (orgId, title, state, message; Grafana says version "1"). Only what the mapping reads is declared;
/// the rest is skipped.
/// </summary>
public sealed record WebhookPayload
{
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("receiver")]
    public string? Receiver { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("alerts")]
    public IReadOnlyList<WebhookAlert?>? Alerts { get; init; }

    [JsonPropertyName("groupKey")]
    public string? GroupKey { get; init; }

    [JsonPropertyName("externalURL")]
    public string? ExternalUrl { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }
}
