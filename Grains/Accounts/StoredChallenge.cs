namespace CallPing.Grains.Accounts;

/// <summary>A TOTP login challenge as stored, keyed by the SHA-256 hex of its id.</summary>
[GenerateSerializer, Immutable, Alias("callping.StoredChallenge")]
public sealed record StoredChallenge(
    [property: Id(0)] DateTimeOffset ExpiresAt,
    [property: Id(1)] bool StaySignedIn,
    [property: Id(2)] int WrongAnswers);
