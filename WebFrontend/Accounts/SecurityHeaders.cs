using CallPing.WebFrontend.Admin;
using CallPing.WebFrontend.Portal;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// The security headers every response carries. The API serves no scripts, styles or frames, so its content policy
/// allows nothing and no page may frame it; HSTS tells browsers to use HTTPS only (they ignore it over plain HTTP).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// Orleans' dashboard under /admin/dashboard is the one page set served: its own script and stylesheet, and style
    /// attributes set by its script, so it gets 'self' and inline styles, still no inline script and no framing.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// The portal's pages: their own script, stylesheet and fetches to the API only; no inline script or style. Images
    /// may be data: URLs, which is how the page shows the TOTP QR code the API renders.
    /// </summary>
    public const string PortalContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Set as the response starts, so that error pages, whose handlers clear the headers, carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(AdminDashboard.RoutePrefix)
                ? DashboardContentSecurityPolicy
                : context.GetEndpoint()?.Metadata.GetMetadata<PortalPage>() is not null ? PortalContentSecurityPolicy : ContentSecurityPolicy;
            headers.StrictTransportSecurity = StrictTransportSecurity;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
