using System.Net.WebSockets;

namespace CallPing.Ari.Streaming;

/// <summary>Opening and closing the ARI event socket.</summary>
internal static class AriWebSocket
{
    public static Uri EventsUri(AriConnectionOptions connection)
    {
        var builder = new UriBuilder(connection.ResourceUrl("events"))
        {
            Query = "app=" + Uri.EscapeDataString(connection.App),
        };
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return builder.Uri;
    }

    public static ClientWebSocket Create(AriConnectionOptions connection, AriEventStreamOptions options)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", BasicAuth.HeaderValue(connection.User, connection.Password));
        // Asterisk answers pings but never sends any: without ours a silently dead PBX looks connected forever.
        socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
        // Keeps the HTTP status of a refused upgrade (401, 400) for the error report.
        socket.Options.CollectHttpResponseDetails = true;
        return socket;
    }

    /// <summary>Closes politely if the peer is still there; a peer that is gone is not an error.</summary>
    public static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The peer is gone already; there is nobody left to tell.
        }
    }
}
