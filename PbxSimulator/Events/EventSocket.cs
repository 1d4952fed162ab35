using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace CallPing.PbxSimulator.Events;

/// <summary>
/// One client's event WebSocket: a queue drained in order by a single sender. It exists (and queues)
/// before the upgrade completes, because on Asterisk a 101 means the app is already registered.
/// </summary>
internal sealed class EventSocket(HttpContext context, IReadOnlyList<string> apps)
{
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private bool _requestOver;

    public IReadOnlyList<string> Apps { get; } = apps;

    public void Enqueue(string json) => _outbox.Writer.TryWrite(json);

    /// <summary>Drops the TCP connection without a close handshake, as a crashed or restarted PBX would.</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        lock (_lock)
        {
            // Kestrel reuses a finished request's HttpContext, so one that is over must not be touched.
            if (!_requestOver)
            {
                context.Abort();
            }
        }
    }

    /// <summary>Called as the request ends, before its HttpContext goes back to Kestrel: Abort does nothing after it.</summary>
    public void RequestOver()
    {
        lock (_lock)
        {
            _requestOver = true;
        }
    }

    /// <summary>Runs until the client closes the socket or it is aborted.</summary>
    public async Task RunAsync(WebSocket socket, CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        var sending = SendAsync(socket, done.Token);
        try
        {
            await ReceiveUntilClosedAsync(socket, done.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Aborted or reset: there is nothing to close politely.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await done.CancelAsync();
            await sending;
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return;
            }
        }
    }

    private async Task SendAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var json in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The socket went away; events still queued are lost, as they would be on Asterisk.
        }
    }
}
