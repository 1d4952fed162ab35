namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>The account of the address, and whether it was verified already (then the sign-up is not recorded).</summary>
[GenerateSerializer, Immutable, Alias("callping.SignUpOutcome")]
public sealed record SignUpOutcome([property: Id(0)] string UserId, [property: Id(1)] bool AlreadyVerified);
