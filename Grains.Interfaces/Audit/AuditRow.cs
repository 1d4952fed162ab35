namespace CallPing.Grains.Interfaces.Audit;

/// <summary>A stored audit row: its place in the organisation's log (rising) and the entry.</summary>
[GenerateSerializer, Immutable, Alias("callping.AuditRow")]
public sealed record AuditRow(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string ActorUserId,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string Ip,
    [property: Id(6)] string? Detail);
