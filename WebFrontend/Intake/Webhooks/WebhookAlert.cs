using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallPing.WebFrontend.Intake.Webhooks;

/// <summary>One alert of an Alertmanager or Grafana webhook; the URLs after generatorURL and the values are Grafana's.</summary>
public sealed record WebhookAlert
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string?>? Labels { get; init; }

    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string?>? Annotations { get; init; }

    [JsonPropertyName("startsAt")]
    public string? StartsAt { get; init; }

    [JsonPropertyName("endsAt")]
    public string? EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    public string? GeneratorUrl { get; init; }

    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    [JsonPropertyName("valueString")]
    public string? ValueString { get; init; }

    [JsonPropertyName("values")]
    public JsonElement? Values { get; init; }

    [JsonPropertyName("dashboardURL")]
    public string? DashboardUrl { get; init; }

    [JsonPropertyName("panelURL")]
    public string? PanelUrl { get; init; }

    [JsonPropertyName("silenceURL")]
    public string? SilenceUrl { get; init; }
}
