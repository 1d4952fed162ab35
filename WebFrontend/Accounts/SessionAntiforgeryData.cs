using Microsoft.AspNetCore.Antiforgery;

namespace CallPing.WebFrontend.Accounts;

/// <summary>Binds an antiforgery token to the session it was issued to, so a token of an ended session is refused.</summary>
public sealed class SessionAntiforgeryData : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.FindFirst(SessionTokens.SessionIdClaim)?.Value ?? "";
    }

    public bool ValidateAdditionalData(HttpContext context, string additionalData)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = context.User.FindFirst(SessionTokens.SessionIdClaim)?.Value;
        return sessionId is not null && string.Equals(sessionId, additionalData, StringComparison.Ordinal);
    }
}
