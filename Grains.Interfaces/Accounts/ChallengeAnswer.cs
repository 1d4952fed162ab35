namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>
/// An answer to a TOTP challenge as the web role checked it: the time step the code matched (null when it matched
/// none), or the SHA-256 hex of a recovery code.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.ChallengeAnswer")]
public sealed record ChallengeAnswer([property: Id(0)] long? MatchedStep, [property: Id(1)] string? RecoveryCodeHash);
