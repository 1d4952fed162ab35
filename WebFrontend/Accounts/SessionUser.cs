using System.Globalization;
using System.Security.Claims;

namespace CallPing.WebFrontend.Accounts;

/// <summary>Who a session-authenticated request comes from, read from the claims <see cref="SessionAuthentication"/> set.</summary>
public static class SessionUser
{
    public static string UserId(this ClaimsPrincipal user) => Claim(user, "sub");

    public static string SessionId(this ClaimsPrincipal user) => Claim(user, SessionTokens.SessionIdClaim);

    public static DateTimeOffset PasswordEnteredAt(this ClaimsPrincipal user) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(Claim(user, SessionAuthentication.PasswordEnteredAtClaim), CultureInfo.InvariantCulture));

    private static string Claim(ClaimsPrincipal user, string type)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(type)?.Value ?? throw new InvalidOperationException($"The request is not session-authenticated (no {type} claim).");
    }
}
