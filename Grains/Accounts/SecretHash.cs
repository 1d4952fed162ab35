using System.Security.Cryptography;
using System.Text;

namespace CallPing.Grains.Accounts;

/// <summary>
/// SHA-256 hex of a high-entropy secret (a session id, a link token, a recovery code), so that the store holds no
/// secret that works when read. Not for passwords: they are low-entropy and get PBKDF2.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new random secret of 32 bytes, URL-safe base64.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool Equal(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
