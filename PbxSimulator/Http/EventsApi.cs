using CallPing.PbxSimulator.Events;

namespace CallPing.PbxSimulator.Http;

/// <summary>GET /ari/events?app=NAME[,NAME]: the event WebSocket. A 101 means the apps are registered.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder routes) => routes.MapGet("/ari/events", ConnectAsync);

    private static async Task<IResult> ConnectAsync(HttpContext context, PbxState pbx)
    {
        var apps = (context.Request.Query["app"].FirstOrDefault() ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (apps.Length == 0)
        {
            return AriResponses.Error(StatusCodes.Status400BadRequest, "Missing param 'app'");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return AriResponses.Error(StatusCodes.Status400BadRequest, "WebSocket upgrade required");
        }

        var socket = new EventSocket(context, apps);
        pbx.Hub.Register(socket);
        try
        {
            using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.RunAsync(webSocket, pbx.Stopping.Token);
        }
        finally
        {
            pbx.Hub.Unregister(socket);
            socket.RequestOver();
        }

        return Results.Empty;
    }
}
