using System.Text;
using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;

namespace CallPing.PbxSimulator.Http;

/// <summary>ARI authentication: Basic first, else ?api_key=user:pass; then the simulated slowness.</summary>
internal sealed class AriAuthMiddleware(RequestDelegate next, PbxState pbx)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/ari"))
        {
            await next(context);
            return;
        }

        if (!IsAuthorized(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Asterisk REST Interface\"";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(AriJsonText.Write(new JsonObject { ["message"] = "Authentication required" }));
            return;
        }

        if (pbx.ResponseDelay > TimeSpan.Zero && !context.WebSockets.IsWebSocketRequest)
        {
            await Task.Delay(pbx.ResponseDelay);
        }

        await next(context);
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var expected = $"{pbx.Options.User}:{pbx.Options.Password}";
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())) == expected;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return request.Query["api_key"].ToString() == expected;
    }
}
