namespace CallPing.Grains.Interfaces.Models;

/// <summary>An alert's id, status and trigger count, without its call log.</summary>
[GenerateSerializer, Immutable, Alias("callping.AlertBrief")]
public sealed record AlertBrief(
    [property: Id(0)] string AlertId,
    [property: Id(1)] AlertStatus Status,
    [property: Id(2)] int Count);
