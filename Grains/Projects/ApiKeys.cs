using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CallPing.Grains.Projects;

/// <summary>
/// How API keys look and how they are found again. A key is "cp_live_" and 32 random bytes in base64url
/// (no padding); only its SHA-256 hash is stored, as the key of its <see cref="Interfaces.Projects.IApiKeyGrain"/>.
/// </summary>
public static class ApiKeys
{
    public const string KeyPrefix = "cp_live_";

    /// <summary>How many leading characters of a key are kept and shown so that people can tell their keys apart.</summary>
    public const int ShownPrefixLength = 12;

    private const int SecretBytes = 32;

    /// <summary>A new random key; give it to its owner once and keep only <see cref="HashOf"/>.</summary>
    public static string Generate() => KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>A short random id that names a key in views and revocations ("ak_" and 12 hex digits).</summary>
    public static string NewKeyId() => "ak_" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    /// <summary>The part of a key that may be shown again: its first <see cref="ShownPrefixLength"/> characters.</summary>
    public static string ShownPrefixOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= ShownPrefixLength ? key : key[..ShownPrefixLength];
    }

    /// <summary>
    /// The lowercase SHA-256 hex of a key: the key of its IApiKeyGrain. Alert intake calls this with the key a
    /// client presented and asks <c>GetGrain&lt;IApiKeyGrain&gt;(ApiKeys.HashOf(presented)).AuthenticateAsync()</c>.
    /// A plain hash is enough because the key carries 256 random bits; a slow password hash would only slow intake.
    /// </summary>
    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
