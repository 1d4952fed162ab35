namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>
/// A sign-up waiting for its e-mail link: the PBKDF2 hash of the password chosen with it and the SHA-256 hex of the
/// link's token. The link that is followed decides the account's password, so a stranger who signed up first with
/// someone else's address never holds the account.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.PendingSignUp")]
public sealed record PendingSignUp(
    [property: Id(0)] string PasswordHash,
    [property: Id(1)] string TokenHash,
    [property: Id(2)] DateTimeOffset ExpiresAt);
