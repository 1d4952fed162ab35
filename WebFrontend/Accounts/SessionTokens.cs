using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// The session cookie's JWT: HMAC-SHA256 over the user id and session id, valid until the session's hard end. It
/// only names the session; the user grain's record decides whether the session still lives. The key is the
/// configured secret, or the cluster's generated one from the store.
/// </summary>
public sealed class SessionTokens(IOptions<AccountOptions> options, IGrainFactory grains, AccountClock clock)
{
    public const string SigningSecretName = "session-signing";

    public const string SessionIdClaim = "sid";

    private const string Issuer = "callping";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lazy<Task<SymmetricSecurityKey>> _key = new(() => LoadKeyAsync(options.Value, grains));

    public async Task<string> IssueAsync(string userId, SessionTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = ticket.CreatedAt.UtcDateTime,
            NotBefore = ticket.CreatedAt.UtcDateTime,
            Expires = ticket.AbsoluteEnd.UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = userId, [SessionIdClaim] = ticket.SessionId },
            SigningCredentials = new SigningCredentials(await _key.Value, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The user id and session id of a token signed with the cluster's key and not past its end; null otherwise.</summary>
    public async Task<(string UserId, string SessionId)?> ReadAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = await _key.Value,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            // On the clock the sessions live by, which tests move.
            LifetimeValidator = (notBefore, expires, _, _) => clock.Now.UtcDateTime is var now && notBefore <= now && now < expires,
        });
        return result.IsValid
            && result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) && sub is string userId
            && result.Claims.TryGetValue(SessionIdClaim, out var sid) && sid is string sessionId
            ? (userId, sessionId)
            : null;
    }

    private static async Task<SymmetricSecurityKey> LoadKeyAsync(AccountOptions options, IGrainFactory grains)
    {
        var bytes = options.SigningKeyBytes()
            ?? await grains.GetGrain<ISharedSecretGrain>(SigningSecretName).GetOrCreateAsync(RandomNumberGenerator.GetBytes(64));
        return new SymmetricSecurityKey(bytes);
    }
}
