using System.Diagnostics.CodeAnalysis;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// A token handed to a person (in a link, or after the password as a challenge): "{id}.{secret}", the id being an
/// account's or, in an invitation link, an organisation's (both 32 hex digits). The id finds the grain, which keeps
/// only the secret's hash.
/// </summary>
public static class LinkToken
{
    private const int MaxSecretLength = 64;

    public static string Compose(string userId, string secret) => $"{userId}.{secret}";

    public static bool TryParse(string? token, [NotNullWhen(true)] out string? userId, [NotNullWhen(true)] out string? secret)
    {
        userId = secret = null;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot != 32 || token.Length - dot - 1 is 0 or > MaxSecretLength)
        {
            return false;
        }

        var id = token[..dot];
        var rest = token[(dot + 1)..];
        if (!id.All(char.IsAsciiHexDigitLower) || !rest.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        (userId, secret) = (id, rest);
        return true;
    }
}
