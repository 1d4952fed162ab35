namespace CallPing.Grains.Interfaces.Models;

/// <summary>An alert and its call log (every call, each with every try), with the escalation's notes (who was skipped and why).</summary>
[GenerateSerializer, Immutable, Alias("callping.AlertView")]
public sealed record AlertView(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string ProjectId,
    [property: Id(2)] string DedupKey,
    [property: Id(3)] string Summary,
    [property: Id(4)] AlertSeverity Severity,
    [property: Id(5)] string? Source,
    [property: Id(6)] string? DetailsJson,
    [property: Id(7)] string Origin,
    [property: Id(8)] AlertStatus Status,
    [property: Id(9)] int Count,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? AcknowledgedAt,
    [property: Id(12)] string? AcknowledgedBy,
    [property: Id(13)] DateTimeOffset? ResolvedAt,
    [property: Id(14)] IReadOnlyList<CallView> Calls,
    [property: Id(15)] IReadOnlyList<string>? Notes = null);
