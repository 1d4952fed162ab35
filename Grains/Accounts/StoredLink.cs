namespace CallPing.Grains.Accounts;

/// <summary>A password reset link as stored: the SHA-256 hex of its token and when it stops working.</summary>
[GenerateSerializer, Immutable, Alias("callping.StoredLink")]
public sealed record StoredLink([property: Id(0)] string TokenHash, [property: Id(1)] DateTimeOffset ExpiresAt);
