namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>The account as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("callping.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] bool EmailVerified,
    [property: Id(3)] bool TotpEnabled,
    [property: Id(4)] int RecoveryCodesLeft,
    [property: Id(5)] int Sessions,
    [property: Id(6)] DateTimeOffset CreatedAt);
