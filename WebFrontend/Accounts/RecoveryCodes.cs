using System.Security.Cryptography;
using CallPing.Grains.Accounts;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// Single-use recovery codes: 80 random bits each, shown once as "xxxx-xxxx-xxxx-xxxx" (base32), kept as SHA-256
/// hashes of their normalised form, so a code typed in lower case or without dashes still works.
/// </summary>
public static class RecoveryCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static List<string> Generate() => [.. Enumerable.Range(0, AccountPolicy.RecoveryCodes).Select(_ => NewCode())];

    public static string HashOf(string code) => SecretHash.Of(Normalise(code));

    public static string Normalise(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new string([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
    }

    private static string NewCode()
    {
        var chars = Enumerable.Range(0, 16).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }
}
