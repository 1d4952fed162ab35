namespace CallPing.Grains.Interfaces.Models;

/// <summary>An alert and its call log (every call, each with every try).</summary>
public sealed record AlertView(
    string AlertId,
    string ProjectId,
    string DedupKey,
    string Summary,
    AlertSeverity Severity,
    string? Source,
    string? DetailsJson,
    string Origin,
    AlertStatus Status,
    int Count,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<CallView> Calls);
