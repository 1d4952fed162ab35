using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// The session cookie: __Host- prefixed (Secure, path /, no domain), HttpOnly, SameSite=Lax. A "stay logged in"
/// session's cookie is kept until the session's hard end, any other one until the browser closes.
/// </summary>
public static class SessionCookie
{
    public const string Name = "__Host-callping-session";

    public static void Append(HttpResponse response, string token, SessionTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(ticket);
        response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = ticket.StaySignedIn ? ticket.AbsoluteEnd : null,
            IsEssential = true,
        });
    }

    public static void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Path = "/" });
}
