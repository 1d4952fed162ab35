using Microsoft.AspNetCore.Identity;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// PBKDF2 password hashes through ASP.NET Core Identity's PasswordHasher. A login for an address with no account is
/// checked against a hash of nothing, so that it takes as long as a real one.
/// </summary>
public sealed class Passwords
{
    private static readonly PasswordHasher<string> Hasher = new();

    private readonly string _decoy = Hasher.HashPassword("", Guid.NewGuid().ToString("N"));

    public string Hash(string password) => Hasher.HashPassword("", password);

    /// <summary>Whether the password matches the hash; a null hash is checked against the decoy and fails, in the same time.</summary>
    public bool Matches(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword("", hash ?? _decoy, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
