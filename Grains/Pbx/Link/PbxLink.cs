using System.Collections.Concurrent;
using System.Net;
using CallPing.Ari;
using CallPing.Ari.Events;
using CallPing.Ari.Streaming;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Pbx.Fleet;
using CallPing.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace CallPing.Grains.Pbx.Link;

/// <summary>
/// The one ARI connection of a PBX, owned by the PBX grain's activation: the event socket, health pings, and turning
/// ARI events into what the call and PBX grains record. Its loops run outside the grain's turns and reach grains by
/// reference, so an event never waits on a grain that waits on this PBX. Nothing a PBX sends (bad JSON, unknown
/// events, errors) stops it: each event is handled on its own.
/// </summary>
public sealed class PbxLink : IAsyncDisposable
{
    /// <summary>How long a stop waits for the loops, which may be inside a grain call that the stopping grain will not answer.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    /// <summary>How long an event keeps being delivered to a grain the cluster cannot reach: longer than membership takes to declare a silo dead.</summary>
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long tries wait for a dropped event socket to come back while the PBX still answers HTTP: longer than the
    /// stream's longest reconnect delay (5 s), short against a ring timeout plus the call's grace (a minute or so).
    /// </summary>
    private static readonly TimeSpan EventSocketGrace = TimeSpan.FromSeconds(10);

    /// <summary>How often the tries' channels are looked at while the event socket is down.</summary>
    private static readonly TimeSpan DisconnectedPoll = TimeSpan.FromMilliseconds(250);

    private readonly PbxEndpoint _endpoint;
    private readonly IGrainFactory _grains;
    private readonly TimeSpan _healthCheckInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AriClient _client;
    private readonly AriEventStream _events;
    private readonly CancellationTokenSource _stop = new();
    /// <summary>
    /// Originates sent to the PBX at once. Dials interleave in the PBX grain, and a burst of hundreds sent together would
    /// make some wait past the request timeout on the PBX's side; a few at a time keep each one quick.
    /// </summary>
    private const int OriginatesAtOnce = 10;

    private readonly SemaphoreSlim _originating = new(OriginatesAtOnce);
    private readonly ConcurrentDictionary<string, string> _dialStatus = new();
    private readonly ConcurrentDictionary<string, byte> _answered = new();
    private readonly ConcurrentDictionary<string, string> _hangupAfterPlayback = new();
    private Task _running = Task.CompletedTask;

    public PbxLink(PbxEndpoint endpoint, string id, IGrainFactory grains, TimeSpan healthCheckInterval, TimeProvider time, ILoggerFactory loggers)
    {
        _endpoint = endpoint;
        Id = id;
        _grains = grains;
        _healthCheckInterval = healthCheckInterval;
        _time = time;
        _logger = loggers.CreateLogger<PbxLink>();
        // Short, so that a PBX that stops answering fails a dial (which then fails over) long before the grain call times out.
        _client = new AriClient(endpoint.Ari with { RequestTimeout = TimeSpan.FromTicks(Math.Min(endpoint.Ari.RequestTimeout.Ticks, TimeSpan.FromSeconds(5).Ticks)) });
        _events = new AriEventStream(endpoint.Ari,
            new AriEventStreamOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(200), MaxReconnectDelay = TimeSpan.FromSeconds(5) },
            loggers.CreateLogger<AriEventStream>());
    }

    /// <summary>Names this connection in the PBX's health ("which silo drives it"); reports of an older connection are ignored.</summary>
    public string Id { get; }

    public string PbxId => _endpoint.Pbx.PbxId;

    /// <summary>ARI hangs up answered calls while no socket is connected, so tries are originated only while it is.</summary>
    public bool Connected => _events.State == AriConnectionState.Connected;

    /// <summary>True once another client took the ARI application: this connection stood down for good.</summary>
    public bool Replaced => _events.State == AriConnectionState.Replaced;

    private IPbxGrain Pbx => _grains.GetGrain<IPbxGrain>(PbxId);

    public void Start()
    {
        _events.Start();
        _running = Task.WhenAll(
            Task.Run(() => ReadEventsAsync(_stop.Token)),
            Task.Run(() => WatchConnectionAsync(_stop.Token)),
            Task.Run(() => CheckHealthAsync(_stop.Token)));
        _logger.LogInformation("{Pbx} ({Provider}): connecting to {Ari} as {Link}", PbxId, _endpoint.Pbx.Provider, _endpoint.Ari, Id);
    }

    public async Task OriginateAsync(DialCommand dial)
    {
        using var scope = CallScope(dial.CallId);
        _logger.LogInformation("{Pbx}: dialling {Number} for call {Call} (channel {Channel})", PbxId, CallGrain.Mask(dial.Number), dial.CallId, dial.ChannelId);
        await _originating.WaitAsync(_stop.Token);
        try
        {
            await _client.OriginateAsync(new OriginateRequest(dial.ChannelId, _endpoint.DialStringFor(dial.Number))
            {
                App = _endpoint.Ari.App,
                AppArgs = [dial.CallId],
                TimeoutSeconds = dial.RingTimeoutSeconds,
            }, _stop.Token);
        }
        catch (AriException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // The channel exists already: this try is live and its events will come.
            return;
        }
        finally
        {
            _originating.Release();
        }

        var originatedAt = _time.GetUtcNow();
        // Outside the grain's turn: it asks the alert, which may be waiting on the call that is waiting on this dial.
        _ = Task.Run(() => AlertFirstRing.RecordAsync(_grains, dial, originatedAt, _logger));
    }

    public Task HangUpAsync(string channelId) => _client.HangupAsync(channelId, "normal", _stop.Token);

    /// <summary>Plays media on an answered try, stopping the playback it replaces; a channel that is gone or not in the app has nothing to play to.</summary>
    public async Task PlayAsync(PlayCommand play)
    {
        if (play.HangupAfter)
        {
            _hangupAfterPlayback[play.PlaybackId] = play.ChannelId;
        }

        try
        {
            if (play.Stops is { } playing)
            {
                // Over already (404) is as good as stopped.
                await _client.StopPlaybackAsync(playing, _stop.Token);
            }

            await _client.PlayAsync(play.ChannelId, play.PlaybackId, play.Media, _stop.Token);
        }
        catch (AriException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            _hangupAfterPlayback.TryRemove(play.PlaybackId, out _);
            using var scope = CallIdOf(play.ChannelId) is { } callId ? CallScope(callId) : null;
            _logger.LogInformation("{Pbx}: not playing to {Channel}: {Reason}", PbxId, play.ChannelId, e.AriMessage);
        }
    }

    /// <summary>Whether the PBX still has the channel.</summary>
    public async Task<bool> HasChannelAsync(string channelId) => await _client.GetChannelAsync(channelId, _stop.Token) is not null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _events.DisposeAsync();
        try
        {
            await _running.WaitAsync(StopWait);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopping; a loop still inside a grain call ends with its cancelled token.
        }

        _client.Dispose();
        _logger.LogInformation("{Pbx}: connection {Link} closed", PbxId, Id);
    }

    /// <summary>Our channel ids are "{callId}-{try}"; anything else on the app is not CallPing's.</summary>
    public static string? CallIdOf(string channelId)
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
                await DeliverAsync(() => _grains.GetGrain<ICallGrain>(callId).OnAnsweredAsync(start.Channel.Id));
                break;
            case ChannelDestroyedEvent destroyed when CallIdOf(destroyed.Channel.Id) is not null:
                var id = destroyed.Channel.Id;
                var outcome = CallOutcomes.Classify(_answered.TryRemove(id, out _), _dialStatus.TryRemove(id, out var status) ? status : null, destroyed.Cause, destroyed.Channel.State);
                var detail = $"{destroyed.CauseTxt} (cause {destroyed.Cause})";
                _logger.LogInformation("{Pbx}: {Channel} ended: {Outcome}, {Detail}", PbxId, id, outcome, detail);
                await EndTryAsync(id, outcome, destroyed.Cause, detail);
                break;
            case ChannelDtmfReceivedEvent key when CallIdOf(key.Channel.Id) is { } callId:
                _logger.LogInformation("{Pbx}: {Channel} pressed {Digit}", PbxId, key.Channel.Id, key.Digit);
                await DeliverAsync(() => _grains.GetGrain<ICallGrain>(callId).OnKeyAsync(key.Channel.Id, key.Digit));
                break;
            case PlaybackFinishedEvent finished:
                await OnPlaybackFinishedAsync(finished.Playback);
                break;
            case ApplicationReplacedEvent:
                _logger.LogWarning("{Pbx}: another client took over the ARI application {App}; this connection stands down", PbxId, _endpoint.Ari.App);
                break;
            case UnknownAriEvent unknown:
                _logger.LogDebug("{Pbx}: ignoring ARI event {Type}", PbxId, unknown.Type);
                break;
        }
    }

    /// <summary>
    /// A playback that failed is all a PBX says about media it could not fetch or play (the play request answered 201):
    /// the PBX's health notes it when it was a URL, and the call plays its fallback.
    /// </summary>
    private async Task OnPlaybackFinishedAsync(Ari.Models.Playback playback)
    {
        if (_hangupAfterPlayback.TryRemove(playback.Id, out var hangUp))
        {
            await _client.HangupAsync(hangUp);
        }

        const string channelTarget = "channel:";
        if (playback.State != "failed" || !playback.TargetUri.StartsWith(channelTarget, StringComparison.Ordinal))
        {
            return;
        }

        var channelId = playback.TargetUri[channelTarget.Length..];
        _logger.LogWarning("{Pbx}: playback {Playback} of {Media} on {Channel} failed", PbxId, playback.Id, playback.MediaUri, channelId);
        if (playback.MediaUri.StartsWith("sound:http", StringComparison.OrdinalIgnoreCase))
        {
            await DeliverAsync(() => Pbx.RecordMediaFailureAsync($"playback {playback.Id} of {playback.MediaUri}"));
        }

        if (CallIdOf(channelId) is { } callId)
        {
            await DeliverAsync(() => _grains.GetGrain<ICallGrain>(callId).OnPlaybackFailedAsync(channelId, playback.Id));
        }
    }

    private async Task WatchConnectionAsync(CancellationToken cancellationToken)
    {
        await foreach (var change in _events.StateChanges.ReadAllAsync(cancellationToken))
        {
            try
            {
                var connected = change.State == AriConnectionState.Connected;
                await Pbx.RecordConnectionAsync(new PbxConnection(_time.GetUtcNow(), connected, Id,
                    connected ? null : $"event socket {change.State}{(change.Error is null ? "" : $": {change.Error}")}"));
                if (connected)
                {
                    await ReconcileAsync();
                }
                else if (change.State == AriConnectionState.Disconnected)
                {
                    await FailOverWhileDisconnectedAsync(cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "{Pbx}: recording the event socket's state failed", PbxId);
            }
        }
    }

    /// <summary>
    /// After a (re)connect, events raised meanwhile are lost. Every channel this PBX's calls believe alive is looked at:
    /// one that is gone ended unseen; an answered one is reported again and its callee asked for the key again, since a
    /// press made during the gap was lost. A ringing one needs nothing: its answer or end is still to come.
    /// </summary>
    private async Task ReconcileAsync()
    {
        foreach (var channelId in await Pbx.GetLiveChannelsAsync())
        {
            if (CallIdOf(channelId) is not { } callId)
            {
                continue;
            }

            var channel = await _client.GetChannelAsync(channelId, _stop.Token);
            var call = _grains.GetGrain<ICallGrain>(callId);
            if (channel is null)
            {
                _logger.LogInformation("{Pbx}: {Channel} ended while nobody listened", PbxId, channelId);
                await EndTryAsync(channelId, CallOutcome.Unknown, 0, $"the channel was gone when {PbxId}'s events resumed");
            }
            else if (channel.State == "Up" && channel.Dialplan.AppName == "Stasis")
            {
                _answered[channelId] = 0;
                await DeliverAsync(() => call.OnAnsweredAsync(channelId));
                await DeliverAsync(() => call.OnEventsResumedAsync(channelId));
            }
        }
    }

    /// <summary>
    /// While the event socket is down, nothing this PBX's tries do can be heard, and Asterisk hangs up an answer with
    /// no socket to take it. A PBX that stopped answering HTTP too is lost (killed, crashed, cut off): its tries fail
    /// over at once, as PBX failures, so their callees are rung again through another PBX instead of waiting out the
    /// ring timeout. A channel already gone ended unseen. A PBX that still answers gets <see cref="EventSocketGrace"/>
    /// for its socket to come back (the reconcile then takes over); after that its tries are hung up and failed over.
    /// </summary>
    private async Task FailOverWhileDisconnectedAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = _time.GetUtcNow() + EventSocketGrace;
        while (!Connected && !cancellationToken.IsCancellationRequested && await Pbx.GetLiveChannelsAsync() is { Count: > 0 } live)
        {
            var socketGone = _time.GetUtcNow() >= giveUpAt;
            foreach (var channelId in live)
            {
                string? lost = null;
                Ari.Models.Channel? channel = null;
                try
                {
                    channel = await _client.GetChannelAsync(channelId, cancellationToken);
                }
                catch (Exception e) when (e is AriException or AriUnavailableException)
                {
                    lost = e.Message;
                }

                if (Connected)
                {
                    return;
                }

                if (lost is not null)
                {
                    _logger.LogWarning("{Pbx}: lost with {Channel} live ({Reason}); failing the try over", PbxId, channelId, lost);
                    await EndTryAsync(channelId, CallOutcome.TrunkFailure, 0, $"{PbxId} was lost while the try was live: {lost}");
                }
                else if (channel is null)
                {
                    _logger.LogInformation("{Pbx}: {Channel} ended while the event socket was down", PbxId, channelId);
                    await EndTryAsync(channelId, CallOutcome.Unknown, 0, $"the channel was gone while {PbxId}'s event socket was down");
                }
                else if (socketGone)
                {
                    _logger.LogWarning("{Pbx}: event socket down for {Seconds} s with {Channel} live; hanging it up and failing the try over", PbxId, EventSocketGrace.TotalSeconds, channelId);
                    await HangUpQuietlyAsync(channelId);
                    await EndTryAsync(channelId, CallOutcome.TrunkFailure, 0, $"{PbxId}'s event socket stayed down for {EventSocketGrace.TotalSeconds:0} s");
                }
            }

            await Task.Delay(DisconnectedPoll, _time, cancellationToken);
        }
    }

    private async Task HangUpQuietlyAsync(string channelId)
    {
        try
        {
            await _client.HangupAsync(channelId, "normal", _stop.Token);
        }
        catch (Exception e) when (e is AriException or AriUnavailableException)
        {
            _logger.LogInformation("{Pbx}: hanging up {Channel} failed: {Reason}", PbxId, channelId, e.Message);
        }
    }

    /// <summary>
    /// Delivers what the PBX reported to a grain, again while the cluster cannot reach it. Right after a silo dies, calls
    /// to the grains it held fail until membership declares it dead; an answer or a key press dropped then is lost for
    /// good (the callee pressed 1 once). Each event is delivered before the next, so their order holds; the grains
    /// ignore a repeat.
    /// </summary>
    private async Task DeliverAsync(Func<Task> call)
    {
        var deadline = _time.GetUtcNow() + DeliveryPatience;
        for (var wait = TimeSpan.FromMilliseconds(200); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(2).Ticks)))
        {
            try
            {
                await call();
                return;
            }
            catch (Exception e) when (e is OrleansMessageRejectionException or TimeoutException
                && _time.GetUtcNow() + wait < deadline && !_stop.IsCancellationRequested)
            {
                _logger.LogInformation("{Pbx}: a grain could not be reached ({Reason}); delivering again in {Wait} ms", PbxId, e.Message, wait.TotalMilliseconds);
                await Task.Delay(wait, _time, _stop.Token);
            }
        }
    }

    private async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        var goodInARow = 0;
        // A replaced connection has stood down: pinging on would only report for a connection nobody uses.
        while (!cancellationToken.IsCancellationRequested && !Replaced)
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
                await Pbx.RecordPingAsync(new PbxPing(_time.GetUtcNow(), _time.GetElapsedTime(started), error));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "{Pbx}: recording a health check failed", PbxId);
            }

            // Until the PBX has proven itself (a few good pings with its socket up), ping fast: right after start-up or
            // a failure, calls should not wait a whole interval for it to count as healthy again.
            await Task.Delay(goodInARow < 3 ? TimeSpan.FromTicks(Math.Min(_healthCheckInterval.Ticks, TimeSpan.FromMilliseconds(250).Ticks)) : _healthCheckInterval, _time, cancellationToken);
        }
    }

    /// <summary>The call hears first, then the PBX forgets the channel: a call that asks meanwhile still finds it live.</summary>
    private async Task EndTryAsync(string channelId, CallOutcome outcome, int cause, string detail)
    {
        var now = _time.GetUtcNow();
        if (CallIdOf(channelId) is { } callId)
        {
            await DeliverAsync(() => _grains.GetGrain<ICallGrain>(callId).OnTryEndedAsync(new TryEnded(channelId, outcome, cause, detail, now)));
        }

        await DeliverAsync(() => Pbx.OnChannelEndedAsync(new ChannelEnded(channelId, new PbxCallResult(now, outcome, cause, detail))));
        CallPingMetrics.RecordCallPlaced(PbxId, outcome);
    }
}
