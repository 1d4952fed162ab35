namespace CallPing.Grains.Interfaces.Models;

/// <summary>What intake answers: the alert the event went to (null when an acknowledge/resolve found none), its status and count.</summary>
[GenerateSerializer, Immutable, Alias("callping.IntakeResult")]
public sealed record IntakeResult(
    [property: Id(0)] string? AlertId,
    [property: Id(1)] string DedupKey,
    [property: Id(2)] AlertStatus? Status,
    [property: Id(3)] int Count,
    [property: Id(4)] bool Created);
