namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>What a password login is checked against.</summary>
[GenerateSerializer, Immutable, Alias("callping.UserCredentials")]
public sealed record UserCredentials([property: Id(0)] string PasswordHash, [property: Id(1)] bool TotpEnabled);
