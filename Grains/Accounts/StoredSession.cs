namespace CallPing.Grains.Accounts;

/// <summary>A session as stored, keyed by the SHA-256 hex of its id.</summary>
[GenerateSerializer, Immutable, Alias("callping.StoredSession")]
public sealed record StoredSession(
    [property: Id(0)] DateTimeOffset CreatedAt,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] bool StaySignedIn,
    [property: Id(3)] DateTimeOffset PasswordEnteredAt);
