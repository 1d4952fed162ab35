using System.Security.Cryptography;
using System.Text;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.WebFrontend.Intake.Webhooks;

/// <summary>
/// Turns each alert of an Alertmanager or Grafana webhook into one event: firing triggers, resolved resolves. The dedup
/// key is the alert's fingerprint (a hash of its sorted labels when there is none), so a resolved alert finds the alert
/// its firing opened. Monitoring cannot reword its alerts, so missing or long text is filled in or cut, never refused.
/// </summary>
public static class WebhookMapper
{
    public const string AlertmanagerOrigin = "alertmanager";

    public const string GrafanaOrigin = "grafana";

    public static IntakeMapping Map(WebhookPayload payload, string projectId, string origin, int maxDetailsBytes)
    {
        if (payload.Alerts is not { Count: > 0 } alerts)
        {
            return IntakeMapping.Invalid([new("alerts", "must hold at least one alert")]);
        }

        var errors = new List<FieldError>();
        var events = new List<AlertEvent>(alerts.Count);
        for (var i = 0; i < alerts.Count; i++)
        {
            if (MapAlert(alerts[i], $"alerts[{i}]", payload.Status, projectId, origin, maxDetailsBytes, errors) is { } alertEvent)
            {
                events.Add(alertEvent);
            }
        }

        return errors.Count > 0 ? IntakeMapping.Invalid(errors) : new IntakeMapping(events, []);
    }

    /// <summary>
    /// Severity from the "severity" label: PagerDuty's four as they are, "page" as critical, anything else (or none) as error,
    /// which is also what Alertmanager's PagerDuty integration sends by default.
    /// </summary>
    public static AlertSeverity SeverityOf(string? label) =>
        IntakeNames.TryParseSeverity(label, ignoreCase: true, out var severity) ? severity
        : string.Equals(label, "page", StringComparison.OrdinalIgnoreCase) ? AlertSeverity.Critical
        : AlertSeverity.Error;

    /// <summary>A stable stand-in for a missing fingerprint: SHA-256 of the labels sorted by name, first 16 hex digits.</summary>
    public static string LabelHashOf(IReadOnlyDictionary<string, string?>? labels)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in (labels ?? new Dictionary<string, string?>()).Where(l => l.Value is not null).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            // Length prefixes keep {"a":"b=c"} and {"a=b":"c"} apart.
            text.Append(name.Length).Append(':').Append(name).Append(value!.Length).Append(':').Append(value).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static AlertEvent? MapAlert(WebhookAlert? alert, string path, string? groupStatus, string projectId, string origin, int maxDetailsBytes, List<FieldError> errors)
    {
        if (alert is null)
        {
            errors.Add(new(path, "must be an alert object"));
            return null;
        }

        var status = alert.Status ?? groupStatus;
        AlertAction? action = status switch
        {
            "firing" => AlertAction.Trigger,
            "resolved" => AlertAction.Resolve,
            _ => null,
        };
        if (action is null)
        {
            errors.Add(new($"{path}.status", status is null ? "is missing: firing or resolved" : "must be firing or resolved"));
        }

        var dedupKey = string.IsNullOrEmpty(alert.Fingerprint) ? LabelHashOf(alert.Labels) : alert.Fingerprint;
        if (IntakeText.DedupKeyProblem(dedupKey) is { } dedupProblem)
        {
            errors.Add(new($"{path}.fingerprint", dedupProblem));
        }

        if (action is null || errors.Count > 0)
        {
            return null;
        }

        var summary = IntakeText.FirstNonBlank(Get(alert.Annotations, "summary"), Get(alert.Annotations, "description"), Get(alert.Labels, "alertname"))
            ?? $"Alert from {(origin == GrafanaOrigin ? "Grafana" : "Alertmanager")}";
        var source = IntakeText.FirstNonBlank(Get(alert.Labels, "instance"), Get(alert.Labels, "job"));
        return new AlertEvent(projectId, dedupKey, action.Value, IntakeText.Truncate(summary, IntakeText.MaxSummaryLength),
            SeverityOf(Get(alert.Labels, "severity")), source is null ? null : IntakeText.Truncate(source, IntakeText.MaxSourceLength),
            DetailsOf(alert, maxDetailsBytes), origin);
    }

    private static string? DetailsOf(WebhookAlert alert, int maxDetailsBytes)
    {
        var details = new Dictionary<string, object?>
        {
            ["labels"] = NonNull(alert.Labels),
            ["annotations"] = NonNull(alert.Annotations),
            ["generatorURL"] = Blank(alert.GeneratorUrl),
            ["valueString"] = Blank(alert.ValueString),
            ["values"] = alert.Values,
            ["dashboardURL"] = Blank(alert.DashboardUrl),
            ["panelURL"] = Blank(alert.PanelUrl),
            ["silenceURL"] = Blank(alert.SilenceUrl),
        };
        return IntakeDetails.Write(details.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value), maxDetailsBytes);
    }

    private static string? Get(IReadOnlyDictionary<string, string?>? values, string name) =>
        values is not null && values.TryGetValue(name, out var value) ? value : null;

    private static Dictionary<string, string>? NonNull(IReadOnlyDictionary<string, string?>? values) =>
        values is null ? null : values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
