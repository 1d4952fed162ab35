using System.Text;
using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;

namespace CallPing.PbxSimulator.Http;

/// <summary>
/// What Asterisk checks before an ARI request reaches its handler: that ARI is loaded (else its HTTP server's 404
/// page), the credentials (Basic first, else ?api_key=user:pass), that it is fully booted (else 503), and that a
/// read-only user only reads (else 403). Then the simulated slowness.
/// </summary>
internal sealed class AriAuthMiddleware(RequestDelegate next, PbxState pbx)
{
    /// <summary>Asterisk's HTTP server's page for a URI no module serves.</summary>
    private const string NotFoundPage = """
        <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
        <html><head>
        <title>404 Not Found</title>
        </head><body>
        <h1>Not Found</h1>
        <p>The requested URL was not found on this server.</p>
        <hr />
        <address>Asterisk Server</address>
        </body></html>
        """;

    private enum Access
    {
        None,
        ReadOnly,
        ReadWrite,
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(MediaFetchesApi.Path))
        {
            // The simulator's own test hook: only the credentials count, whatever the simulated boot stage.
            await (AccessOf(context.Request) == Access.None ? WriteUnauthorizedAsync(context) : next(context));
            return;
        }

        if (!context.Request.Path.StartsWithSegments("/ari"))
        {
            await next(context);
            return;
        }

        if (pbx.Boot == BootStage.AriNotLoaded)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(NotFoundPage);
            return;
        }

        var access = AccessOf(context.Request);
        if (access == Access.None)
        {
            await WriteUnauthorizedAsync(context);
            return;
        }

        if (pbx.Boot == BootStage.Booting)
        {
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Asterisk not booted");
            return;
        }

        if (access == Access.ReadOnly && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Write access denied");
            return;
        }

        if (pbx.ResponseDelay > TimeSpan.Zero && !context.WebSockets.IsWebSocketRequest)
        {
            await Task.Delay(pbx.ResponseDelay);
        }

        await next(context);
    }

    private static Task WriteUnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Asterisk REST Interface\"";
        return WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Authentication required");
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(AriJsonText.Write(new JsonObject { ["message"] = message }));
    }

    private Access AccessOf(HttpRequest request)
    {
        var credentials = Credentials(request);
        if (credentials == $"{pbx.Options.User}:{pbx.Options.Password}")
        {
            return Access.ReadWrite;
        }

        return pbx.Options.ReadOnlyUser is { } user && credentials == $"{user}:{pbx.Options.ReadOnlyPassword}" ? Access.ReadOnly : Access.None;
    }

    /// <summary>"user:password" from the Basic header, else from ?api_key; null when neither is readable.</summary>
    private static string? Credentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return request.Query["api_key"].FirstOrDefault();
    }
}
