using System.Text;
using Orleans.Dashboard;

namespace CallPing.WebFrontend.Admin;

/// <summary>
/// Orleans' own dashboard for operators (grains, activations, calls per method, silos), under /admin/dashboard behind
/// the admin token. A browser cannot send a bearer token when it opens a page, so the dashboard also takes the token
/// as the password of HTTP Basic authentication (any user name), which makes the browser ask for it.
/// </summary>
public static class AdminDashboard
{
    public const string RoutePrefix = "/admin/dashboard";

    /// <summary>The dashboard's options on silos and web clients alike.</summary>
    public static void Configure(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Its live log view would stream every log line over HTTP; logs go to the log pipeline instead.
        options.HideTrace = true;
    }

    public static WebApplication MapAdminDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var token = ActivatorUtilities.GetServiceOrCreateInstance<AdminToken>(app.Services);
        // Middleware rather than an endpoint filter: the dashboard serves files and JSON through endpoints of its own,
        // and a filter on an endpoint that is not a route handler would be skipped without a word.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(RoutePrefix), branch => branch.Use(async (context, next) =>
        {
            if (token.Matches(PresentedToken(context.Request)))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"CallPing admin\", charset=\"UTF-8\"";
        }));
        app.MapOrleansDashboard(routePrefix: RoutePrefix).ExcludeFromDescription();
        return app;
    }

    /// <summary>The token from "Bearer &lt;token&gt;" or from the password of "Basic base64(user:token)"; null otherwise.</summary>
    public static string? PresentedToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
