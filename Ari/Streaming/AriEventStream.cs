using System.Threading.Channels;
using CallPing.Ari.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallPing.Ari.Streaming;

/// <summary>
/// The ARI event WebSocket for one application on one PBX. It reconnects by itself with backoff, except
/// after ApplicationReplaced, and never throws out of its loop: bad messages are logged and skipped.
/// Read <see cref="Events"/> and <see cref="StateChanges"/>; both are unbounded, so keep reading.
/// </summary>
public sealed class AriEventStream : IAsyncDisposable
{
    private readonly AriConnectionOptions _connection;
    private readonly AriEventStreamOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<AriEvent> _events = Channel.CreateUnbounded<AriEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Channel<AriConnectionStateChanged> _states = Channel.CreateUnbounded<AriConnectionStateChanged>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _startLock = new();
    private Task? _loop;
    private int _disposed;
    private volatile AriConnectionState _state = AriConnectionState.Disconnected;

    public AriEventStream(AriConnectionOptions connection, AriEventStreamOptions? options = null, ILogger<AriEventStream>? logger = null)
    {
        _connection = connection;
        _options = options ?? new AriEventStreamOptions();
        _logger = logger ?? NullLogger<AriEventStream>.Instance;
    }

    public ChannelReader<AriEvent> Events => _events.Reader;

    public ChannelReader<AriConnectionStateChanged> StateChanges => _states.Reader;

    public AriConnectionState State => _state;

    /// <summary>Why the last connection or connection attempt failed, e.g. a 401 before the upgrade.</summary>
    public string? LastError { get; private set; }

    /// <summary>ws://host:port/ari/events?app=NAME.</summary>
    public Uri EventsUri => AriWebSocket.EventsUri(_connection);

    /// <summary>Starts connecting in the background; calling it again does nothing.</summary>
    public void Start()
    {
        lock (_startLock)
        {
            ObjectDisposedException.ThrowIf(_disposed == 1, this);
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        lock (_startLock)
        {
            _stop.Cancel();
        }

        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        var connections = 0;
        while (!stopping.IsCancellationRequested)
        {
            var outcome = await ConnectAndReceiveAsync(connections + 1, stopping);
            if (outcome.Connected)
            {
                connections++;
                failures = 0;
            }

            if (outcome.Replaced)
            {
                Publish(AriConnectionState.Replaced, connections, null);
                _logger.LogWarning("ARI application {App} on {Pbx} was taken over by another connection; not reconnecting", _connection.App, _connection.BaseUrl);
                break;
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            LastError = outcome.Error ?? LastError;
            if (outcome.Connected)
            {
                Publish(AriConnectionState.Disconnected, connections, outcome.Error);
            }

            var delay = _options.ReconnectDelay(failures++);
            _logger.LogInformation("ARI events from {Pbx} unavailable ({Error}); reconnecting in {Delay}", _connection.BaseUrl, outcome.Error, delay);
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (_state != AriConnectionState.Replaced)
        {
            Publish(AriConnectionState.Stopped, connections, null);
        }

        _events.Writer.TryComplete();
        _states.Writer.TryComplete();
    }

    private async Task<SessionOutcome> ConnectAndReceiveAsync(int connectionNumber, CancellationToken stopping)
    {
        using var socket = AriWebSocket.Create(_connection, _options);
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                connectTimeout.CancelAfter(_options.ConnectTimeout);
                await socket.ConnectAsync(EventsUri, connectTimeout.Token);
            }
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            var status = socket.HttpStatusCode == 0 ? "" : $" (HTTP {(int)socket.HttpStatusCode})";
            return new SessionOutcome(false, false, e.Message + status);
        }
        catch (Exception)
        {
            // Stopping: whatever the attempt ended with (cancelled, or a 401 that came at the same moment) no longer matters.
            return new SessionOutcome(false, false, null);
        }

        LastError = null;
        Publish(AriConnectionState.Connected, connectionNumber, null);
        _logger.LogInformation("ARI events connected to {Pbx} for {App} (connection {Number})", _connection.BaseUrl, _connection.App, connectionNumber);
        var reader = new AriMessageReader(socket, _options.MaxMessageBytes, _logger);
        try
        {
            while (await reader.ReadAsync(stopping) is { } message)
            {
                if (Parse(message) is not { } ariEvent)
                {
                    continue;
                }

                await _events.Writer.WriteAsync(ariEvent, stopping);
                if (ariEvent is ApplicationReplacedEvent)
                {
                    await AriWebSocket.CloseQuietlyAsync(socket);
                    return new SessionOutcome(true, true, null);
                }
            }

            await AriWebSocket.CloseQuietlyAsync(socket);
            return new SessionOutcome(true, false, "closed by the PBX");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await AriWebSocket.CloseQuietlyAsync(socket);
            return new SessionOutcome(true, false, null);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            return new SessionOutcome(true, false, e.Message);
        }
    }

    private AriEvent? Parse(string message)
    {
        try
        {
            var ariEvent = AriEventParser.Parse(message);
            if (ariEvent is UnknownAriEvent unknown)
            {
                // Asterisk sends many events nobody asked for (about seven ChannelVarset per answered call): not news.
                _logger.LogDebug("Unhandled ARI event type {Type} from {Pbx}", unknown.Type, _connection.BaseUrl);
            }

            return ariEvent;
        }
        catch (System.Text.Json.JsonException e)
        {
            _logger.LogWarning("Skipping malformed ARI event from {Pbx}: {Error}", _connection.BaseUrl, e.Message);
            return null;
        }
    }

    private void Publish(AriConnectionState state, int connectionNumber, string? error)
    {
        _state = state;
        _states.Writer.TryWrite(new AriConnectionStateChanged(state, connectionNumber, error));
    }

    private readonly record struct SessionOutcome(bool Connected, bool Replaced, string? Error);
}
