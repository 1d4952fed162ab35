namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>A live session as its owner sees it in the sessions list; Current marks the session that asked.</summary>
[GenerateSerializer, Immutable, Alias("callping.SessionSummary")]
public sealed record SessionSummary(
    [property: Id(0)] DateTimeOffset CreatedAt,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] bool StaySignedIn,
    [property: Id(3)] bool Current);
