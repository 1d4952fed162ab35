using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// Authenticates a request by its session cookie: a valid signature, then the user grain's word that the session
/// lives, asked on every request so that a session ended anywhere is refused by every web process at once.
/// </summary>
public sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SessionTokens tokens, IGrainFactory grains) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CallPingSession";

    /// <summary>Claim: the last password entry on the session, Unix seconds.</summary>
    public const string PasswordEnteredAtClaim = "pwd_at";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(SessionCookie.Name, out var token) || string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length > 4096 || await tokens.ReadAsync(token) is not var (userId, sessionId))
        {
            return AuthenticateResult.Fail("The session cookie is not valid.");
        }

        if (await grains.GetGrain<IUserGrain>(userId).GetSessionAsync(sessionId) is not { } session)
        {
            return AuthenticateResult.Fail("The session has ended.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim("sub", userId),
                new Claim(SessionTokens.SessionIdClaim, sessionId),
                new Claim(PasswordEnteredAtClaim, session.PasswordEnteredAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            SchemeName, "sub", null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AccountProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, AccountProblems.SignInRequired,
            "Sign in required", "This needs a live session: log in again.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AccountProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, null, "Forbidden", "This session may not do that.");
}
