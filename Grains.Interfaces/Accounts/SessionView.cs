namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>A live session as a request sees it: when it expires if idle, and the last password entry on it.</summary>
[GenerateSerializer, Immutable, Alias("callping.SessionView")]
public sealed record SessionView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] DateTimeOffset PasswordEnteredAt);
