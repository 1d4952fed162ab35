namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>A new session: its id (carried in the signed cookie) and its hard end, 90 days after creation.</summary>
[GenerateSerializer, Immutable, Alias("callping.SessionTicket")]
public sealed record SessionTicket(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset AbsoluteEnd,
    [property: Id(3)] bool StaySignedIn);
