namespace CallPing.Grains.Interfaces.Audit;

/// <summary>
/// One audit row: who (user id) did what (<see cref="AuditActions"/>) to which target, when, from which IP, in which
/// organisation. Its id is drawn when the change is decided and stored with it, so forwarding it again adds nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string OrgId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string ActorUserId,
    [property: Id(4)] string Action,
    [property: Id(5)] string Target,
    [property: Id(6)] string Ip,
    [property: Id(7)] string? Detail = null);
