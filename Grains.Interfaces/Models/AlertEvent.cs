namespace CallPing.Grains.Interfaces.Models;

/// <summary>One event from monitoring, whatever the format it came in, after validation.</summary>
/// <param name="ProjectId">From the API key.</param>
/// <param name="DedupKey">Groups repeats; intake makes one up for a trigger without it.</param>
/// <param name="Action">Trigger, acknowledge or resolve.</param>
/// <param name="Summary">One line, read out on the call (required for a trigger).</param>
/// <param name="Severity">PagerDuty's four.</param>
/// <param name="Source">Where it comes from (host, service).</param>
/// <param name="DetailsJson">Free-form details as JSON text, kept and shown, not read out.</param>
/// <param name="Origin">Which intake: "api", "pagerduty", "alertmanager", "grafana".</param>
[GenerateSerializer, Immutable, Alias("callping.AlertEvent")]
public sealed record AlertEvent(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string DedupKey,
    [property: Id(2)] AlertAction Action,
    [property: Id(3)] string? Summary,
    [property: Id(4)] AlertSeverity Severity,
    [property: Id(5)] string? Source,
    [property: Id(6)] string? DetailsJson,
    [property: Id(7)] string Origin);
