using System.Collections.Concurrent;
using System.Net;
using CallPing.Ari;
using CallPing.Ari.Events;
using CallPing.Ari.Streaming;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Telemetry;
using CallPing.Runtime;
using CallPing.Runtime.Hosting;

namespace CallPing.Silo.Pbx;

/// <summary>
/// One PBX driven by this worker while it holds the PBX's lease: the ARI event socket, periodic health checks,
/// originating and hanging up tries, and turning ARI events into what the call and PBX grains record.
/// Nothing a PBX sends (bad JSON, unknown events, errors) stops it: each event is handled on its own.
/// </summary>
internal sealed class PbxDriver : IAsyncDisposable
{
    private readonly PbxEndpoint _endpoint;
    private readonly IGrainFactory _grains;
    private readonly SiloIdentity _silo;
    private readonly TimeSpan _healthCheckInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AriClient _client;
    private readonly AriEventStream _events;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _dialStatus = new();
    private readonly ConcurrentDictionary<string, byte> _answered = new();
    private readonly ConcurrentDictionary<string, string> _hangupAfterPlayback = new();
    private Task _running = Task.CompletedTask;

    public PbxDriver(PbxEndpoint endpoint, IGrainFactory grains, SiloIdentity silo, TimeSpan healthCheckInterval, TimeProvider time, ILoggerFactory loggers)
    {
        _endpoint = endpoint;
        _grains = grains;
        _silo = silo;
        _healthCheckInterval = healthCheckInterval;
        _time = time;
        _logger = loggers.CreateLogger<PbxDriver>();
        // Well inside the outbox's work limit (80 % of its 10 s claim), so a slow originate fails here, not there.
        _client = new AriClient(endpoint.Ari with { RequestTimeout = TimeSpan.FromTicks(Math.Min(endpoint.Ari.RequestTimeout.Ticks, TimeSpan.FromSeconds(5).Ticks)) });
        _events = new AriEventStream(endpoint.Ari,
            new AriEventStreamOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(200), MaxReconnectDelay = TimeSpan.FromSeconds(5) },
            loggers.CreateLogger<AriEventStream>());
    }

    public string PbxId => _endpoint.Pbx.PbxId;

    /// <summary>ARI hangs up answered calls while no socket is connected, so tries are originated only while it is.</summary>
    public bool Connected => _events.State == AriConnectionState.Connected;

    private IPbxGrain Health => _grains.GetGrain<IPbxGrain>(PbxId);

    public async Task StartAsync()
    {
        await Health.ConfigureAsync(new PbxConfiguration(_endpoint.Pbx.Provider));
        _events.Start();
        _running = Task.WhenAll(
            Task.Run(() => ReadEventsAsync(_stop.Token)),
            Task.Run(() => WatchConnectionAsync(_stop.Token)),
            Task.Run(() => CheckHealthAsync(_stop.Token)));
        _logger.LogInformation("Driving {Pbx} ({Provider}) at {Ari}", PbxId, _endpoint.Pbx.Provider, _endpoint.Ari);
    }

    /// <summary>Originates one try, at most once: a re-run adopts the live channel or reports the try lost.</summary>
    public async Task DialAsync(DialCommand dial, CancellationToken cancellationToken)
    {
        if (!await _grains.GetGrain<ICallGrain>(dial.CallId).BeginDialAsync(dial.ChannelId))
        {
            if (await _client.GetChannelAsync(dial.ChannelId, cancellationToken) is null)
            {
                await EndTryAsync(dial.ChannelId, CallOutcome.TrunkFailure, 0, "the try's outcome was lost with the silo that dialled it");
            }

            return;
        }

        if (!Connected)
        {
            await FailTryAsync(dial.ChannelId, $"{PbxId}'s event socket is down");
            return;
        }

        using var scope = CallScope(dial.CallId);
        _logger.LogInformation("{Pbx}: dialling {Number} for call {Call} (channel {Channel})", PbxId, CallGrain.Mask(dial.Number), dial.CallId, dial.ChannelId);
        try
        {
            await _client.OriginateAsync(new OriginateRequest(dial.ChannelId, _endpoint.DialStringFor(dial.Number))
            {
                App = _endpoint.Ari.App,
                AppArgs = [dial.CallId],
                TimeoutSeconds = dial.RingTimeoutSeconds,
            }, cancellationToken);
            await AlertFirstRing.RecordAsync(_grains, dial, _time.GetUtcNow(), _logger);
        }
        catch (AriException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // The channel exists already: this try is live; its events will come.
        }
        catch (Exception e) when (e is AriException or AriUnavailableException)
        {
            await FailTryAsync(dial.ChannelId, $"originate on {PbxId} failed: {e.Message}");
        }
    }

    public async Task HangupAsync(HangupCommand hangup, CancellationToken cancellationToken) =>
        await _client.HangupAsync(hangup.ChannelId, "normal", cancellationToken);

    /// <summary>Plays media on an answered try; a channel that is gone or not in the app has nothing to play to.</summary>
    public async Task PlayAsync(PlayCommand play, CancellationToken cancellationToken)
    {
        if (play.HangupAfter)
        {
            _hangupAfterPlayback[play.PlaybackId] = play.ChannelId;
        }

        try
        {
            await _client.PlayAsync(play.ChannelId, play.PlaybackId, play.Media, cancellationToken);
        }
        catch (AriException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            _hangupAfterPlayback.TryRemove(play.PlaybackId, out _);
            using var scope = CallIdOf(play.ChannelId) is { } callId ? CallScope(callId) : null;
            _logger.LogInformation("{Pbx}: not playing to {Channel}: {Reason}", PbxId, play.ChannelId, e.AriMessage);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _events.DisposeAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _client.Dispose();
        _stop.Dispose();
        _logger.LogInformation("Stopped driving {Pbx}", PbxId);
    }

    /// <summary>Our channel ids are "{callId}-{try}"; anything else on the app is not CallPing's.</summary>
    internal static string? CallIdOf(string channelId)
    {
        var dash = channelId.LastIndexOf('-');
        return dash > 0 && dash < channelId.Length - 1 && channelId[(dash + 1)..].All(char.IsAsciiDigit) ? channelId[..dash] : null;
    }

    private async Task ReadEventsAsync(CancellationToken cancellationToken)
    {
        await foreach (var ariEvent in _events.Events.ReadAllAsync(cancellationToken))
        {
            using var scope = CallIdOf(ariEvent) is { } callId ? CallScope(callId) : null;
            try
            {
                await HandleAsync(ariEvent);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "{Pbx}: handling {Event} failed", PbxId, ariEvent.Type);
            }
        }
    }

    /// <summary>The call an event is about, by the channel it names; null for events of no CallPing channel.</summary>
    private static string? CallIdOf(AriEvent ariEvent) => ariEvent switch
    {
        DialEvent dial => CallIdOf(dial.Peer.Id),
        StasisStartEvent start => CallIdOf(start.Channel.Id),
        ChannelDestroyedEvent destroyed => CallIdOf(destroyed.Channel.Id),
        ChannelDtmfReceivedEvent key => CallIdOf(key.Channel.Id),
        _ => null,
    };

    /// <summary>
    /// A log scope naming the call and its alert, so that one alert's calls can be followed across silos. AlertGrain
    /// names its calls "{alertId}-{n}" (the same shape as a channel id's "{callId}-{try}").
    /// </summary>
    private IDisposable? CallScope(string callId) =>
        _logger.BeginScope("Alert {AlertId}, call {CallId}", CallIdOf(callId) ?? callId, callId);

    private async Task HandleAsync(AriEvent ariEvent)
    {
        switch (ariEvent)
        {
            case DialEvent dial when CallIdOf(dial.Peer.Id) is not null:
                _dialStatus[dial.Peer.Id] = dial.DialStatus;
                break;
            case StasisStartEvent start when CallIdOf(start.Channel.Id) is { } callId:
                _answered[start.Channel.Id] = 0;
                _logger.LogInformation("{Pbx}: {Channel} answered", PbxId, start.Channel.Id);
                await _grains.GetGrain<ICallGrain>(callId).OnAnsweredAsync(start.Channel.Id, start.Timestamp);
                break;
            case ChannelDestroyedEvent destroyed when CallIdOf(destroyed.Channel.Id) is not null:
                var id = destroyed.Channel.Id;
                var outcome = CallOutcomes.Classify(_answered.TryRemove(id, out _), _dialStatus.TryRemove(id, out var status) ? status : null, destroyed.Cause);
                var detail = $"{destroyed.CauseTxt} (cause {destroyed.Cause})";
                _logger.LogInformation("{Pbx}: {Channel} ended: {Outcome}, {Detail}", PbxId, id, outcome, detail);
                await EndAndRecordTryAsync(id, outcome, destroyed.Cause, detail);
                break;
            case ChannelDtmfReceivedEvent key when CallIdOf(key.Channel.Id) is { } callId:
                _logger.LogInformation("{Pbx}: {Channel} pressed {Digit}", PbxId, key.Channel.Id, key.Digit);
                await _grains.GetGrain<ICallGrain>(callId).OnKeyAsync(key.Channel.Id, key.Digit);
                break;
            case PlaybackFinishedEvent finished when _hangupAfterPlayback.TryRemove(finished.Playback.Id, out var channelId):
                await _client.HangupAsync(channelId);
                break;
            case ApplicationReplacedEvent:
                _logger.LogWarning("{Pbx}: another client took over the ARI application {App}; this silo no longer receives its events", PbxId, _endpoint.Ari.App);
                break;
            case UnknownAriEvent unknown:
                _logger.LogDebug("{Pbx}: ignoring ARI event {Type}", PbxId, unknown.Type);
                break;
        }
    }

    private async Task WatchConnectionAsync(CancellationToken cancellationToken)
    {
        await foreach (var change in _events.StateChanges.ReadAllAsync(cancellationToken))
        {
            try
            {
                var connected = change.State == AriConnectionState.Connected;
                await Health.RecordConnectionAsync(new PbxConnection(_time.GetUtcNow(), connected, _silo.Id,
                    connected ? null : $"event socket {change.State}{(change.Error is null ? "" : $": {change.Error}")}"));
                if (connected)
                {
                    await ReconcileAsync(cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "{Pbx}: recording the event socket's state failed", PbxId);
            }
        }
    }

    /// <summary>
    /// After a (re)connect, events raised meanwhile are lost: answered calls still in the app are reported again
    /// (recording an answer is idempotent); tries that ended unseen are ended by their call's deadline reminder.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var application = await _client.GetApplicationAsync(_endpoint.Ari.App, cancellationToken);
        foreach (var channelId in application?.ChannelIds ?? [])
        {
            if (CallIdOf(channelId) is { } callId)
            {
                _answered[channelId] = 0;
                await _grains.GetGrain<ICallGrain>(callId).OnAnsweredAsync(channelId, _time.GetUtcNow());
            }
        }
    }

    private async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        var goodInARow = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            string? error = null;
            try
            {
                await _client.PingAsync(cancellationToken);
            }
            catch (Exception e) when (e is AriException or AriUnavailableException)
            {
                error = e.Message;
            }

            goodInARow = error is null && Connected ? goodInARow + 1 : 0;

            try
            {
                await Health.RecordPingAsync(new PbxPing(_time.GetUtcNow(), _time.GetElapsedTime(started), error));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "{Pbx}: recording a health check failed", PbxId);
            }

            // Until the PBX has proven itself (a few good pings with its socket up), ping fast: right after start-up or
            // a failure, calls should not wait a whole interval for it to count as healthy again.
            await Task.Delay(goodInARow < 3 ? TimeSpan.FromTicks(Math.Min(_healthCheckInterval.Ticks, TimeSpan.FromMilliseconds(250).Ticks)) : _healthCheckInterval, cancellationToken);
        }
    }

    private Task FailTryAsync(string channelId, string detail) => EndAndRecordTryAsync(channelId, CallOutcome.TrunkFailure, 0, detail);

    private async Task EndAndRecordTryAsync(string channelId, CallOutcome outcome, int cause, string detail)
    {
        await EndTryAsync(channelId, outcome, cause, detail);
        await Health.RecordCallOutcomeAsync(new PbxCallResult(_time.GetUtcNow(), outcome, cause, detail));
        CallPingMetrics.RecordCallPlaced(PbxId, outcome);
    }

    private async Task EndTryAsync(string channelId, CallOutcome outcome, int cause, string detail)
    {
        if (CallIdOf(channelId) is { } callId)
        {
            await _grains.GetGrain<ICallGrain>(callId).OnTryEndedAsync(new TryEnded(channelId, outcome, cause, detail, _time.GetUtcNow()));
        }
    }
}
