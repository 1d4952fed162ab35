namespace CallPing.Grains.Interfaces.Models;

/// <summary>What a new alert starts from.</summary>
[GenerateSerializer, Immutable, Alias("callping.AlertTrigger")]
public sealed record AlertTrigger(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string DedupKey,
    [property: Id(2)] string Summary,
    [property: Id(3)] AlertSeverity Severity,
    [property: Id(4)] string? Source,
    [property: Id(5)] string? DetailsJson,
    [property: Id(6)] string Origin);
