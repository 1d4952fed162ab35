namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>A challenge answered: the new session when it passed; otherwise whether the challenge may still be answered.</summary>
[GenerateSerializer, Immutable, Alias("callping.ChallengeOutcome")]
public sealed record ChallengeOutcome([property: Id(0)] SessionTicket? Session, [property: Id(1)] bool Void);
