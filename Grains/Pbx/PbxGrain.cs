using System.Globalization;
using CallPing.Ari;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Pbx.Fleet;
using CallPing.Grains.Pbx.Link;
using CallPing.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallPing.Grains.Pbx;

/// <summary>
/// One PBX's health. Down at a failed ping or without an event socket, because ARI hangs up answered calls when no
/// socket is connected; healthy again after good pings with the socket up. A trunk that keeps failing calls
/// degrades it, so the router uses it only when no healthy PBX is left.
/// Where it is active, it holds the PBX's one ARI connection in the cluster (<see cref="PbxLink"/>), opened when a silo
/// nudges it. Two activations can live for a moment during a membership change: each originate is preceded by a state
/// write, so a stale activation fails it (its ETag is old) and stops; ARI's newest socket wins the events.
/// A call's operations (dial, play, hang up, its end) interleave, so that one PBX serves many calls at once instead of one
/// ARI request and one write after another; their writes are grouped (<see cref="GroupedWrites"/>).
/// </summary>
public sealed class PbxGrain(
    [PersistentState("pbx", GrainStorage.Name)] IPersistentState<PbxState> state,
    IOptions<PbxHealthOptions> options,
    IOptions<PbxOptions> pbxOptions,
    IServiceProvider services,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILoggerFactory loggers) : Grain, IPbxGrain
{
    /// <summary>How long a connection that another client replaced stays down before this PBX tries again, at first and at most.</summary>
    private static readonly TimeSpan FirstStandDown = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestStandDown = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A dial older than this is refused: well inside Orleans' 30 s response timeout, after which the asking call counts
    /// the try as failed and dials elsewhere; an originate (at most 5 s on ARI) begun before this still ends before that.
    /// </summary>
    private static readonly TimeSpan DialExpiry = TimeSpan.FromSeconds(20);

    private readonly ILogger _logger = loggers.CreateLogger<PbxGrain>();
    private PbxLink? _link;
    private PbxState? _pbx;
    private GroupedWrites? _writes;
    private DateTimeOffset _standDownUntil;
    private TimeSpan _standDown = FirstStandDown;

    private PbxHealthOptions Rules => options.Value;

    /// <summary>The working copy; each write stores a snapshot of it, which no interleaved turn changes while it is written.</summary>
    private PbxState Pbx => _pbx ??= state.State;

    private string PbxId => this.GetPrimaryKeyString();

    public async Task KeepConnectedAsync()
    {
        if (_link is { Replaced: true })
        {
            _logger.LogWarning("{Pbx}: another client holds the ARI application; standing down for {Seconds} s", PbxId, _standDown.TotalSeconds);
            AddError(time.GetUtcNow(), $"another client took over the ARI application; standing down for {_standDown.TotalSeconds:0} s");
            await CloseLinkAsync();
            _standDownUntil = time.GetUtcNow() + _standDown;
            _standDown = TimeSpan.FromTicks(Math.Min(_standDown.Ticks * 2, LongestStandDown.Ticks));
            SetStatus(PbxStatus.Down, time.GetUtcNow());
            Pbx.Connected = false;
            await SaveAsync();
            CallPingMetrics.RecordPbxHealth(PbxId, Pbx.Status);
        }

        if (_link is not null || time.GetUtcNow() < _standDownUntil)
        {
            return;
        }

        // Only silos that know the PBX's ARI endpoint hold its connection (a web-only process never activates grains).
        var endpoint = services.GetService<PbxEndpoints>()?.All.FirstOrDefault(e => e.Pbx.PbxId == PbxId);
        if (endpoint is null)
        {
            return;
        }

        var link = new PbxLink(endpoint, $"{RuntimeIdentity}/{Guid.NewGuid().ToString("N")[..8]}", GrainFactory, pbxOptions.Value.HealthCheckInterval, TimeProvider.System, loggers);
        // Claiming the PBX is a state write: an activation that is not the newest fails here and never connects.
        Pbx.Provider = endpoint.Pbx.Provider;
        Pbx.DrivenBy = link.Id;
        Pbx.Connected = false;
        Pbx.StatusSince ??= time.GetUtcNow();
        await SaveAsync();
        _link = link;
        _link.Start();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await CloseLinkAsync();

    public async Task<DialResult> DialAsync(DialCommand dial)
    {
        ArgumentNullException.ThrowIfNull(dial);
        if (Pbx.LiveChannels.Contains(dial.ChannelId))
        {
            return DialResult.Ok;
        }

        if (_link is not { Connected: true } link)
        {
            return await FailDialAsync($"{PbxId} has no event socket, so an answer could not be heard");
        }

        if (time.GetUtcNow() - dial.RequestedAt > DialExpiry)
        {
            return await FailDialAsync($"the dial waited {(time.GetUtcNow() - dial.RequestedAt).TotalSeconds:0} s for {PbxId}; its call has failed it over");
        }

        // Written before the originate: a reconnect looks at this channel, and an activation that lost its claim stops here.
        Pbx.LiveChannels.Add(dial.ChannelId);
        await SaveAsync();
        try
        {
            await link.OriginateAsync(dial);
            return DialResult.Ok;
        }
        catch (Exception e) when (e is AriException or AriUnavailableException or OperationCanceledException)
        {
            // No answer is not a refusal: the PBX may have created the channel all the same. Then the try is live and
            // its events will come; failing over would ring the callee a second time through another PBX.
            if (e is not AriException && await StillHasChannelAsync(link, dial.ChannelId))
            {
                return DialResult.Ok;
            }

            Pbx.LiveChannels.Remove(dial.ChannelId);
            return await FailDialAsync($"originate on {PbxId} failed: {e.Message}");
        }
    }

    private static async Task<bool> StillHasChannelAsync(PbxLink link, string channelId)
    {
        try
        {
            return await link.HasChannelAsync(channelId);
        }
        catch (Exception e) when (e is AriException or AriUnavailableException or OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<bool> IsLiveAsync(string channelId)
    {
        if (Pbx.LiveChannels.Contains(channelId))
        {
            return true;
        }

        if (_link is not { } link || !await link.HasChannelAsync(channelId))
        {
            return false;
        }

        // Originated by an activation that died before it stored the channel: from now on a reconnect looks at it too.
        Pbx.LiveChannels.Add(channelId);
        await SaveAsync();
        return true;
    }

    public async Task PlayAsync(PlayCommand play)
    {
        ArgumentNullException.ThrowIfNull(play);
        if (_link is { } link)
        {
            await link.PlayAsync(play);
        }
    }

    public async Task HangUpAsync(string channelId)
    {
        if (_link is { } link)
        {
            await link.HangUpAsync(channelId);
        }
    }

    public async Task OnChannelEndedAsync(ChannelEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        Pbx.LiveChannels.Remove(ended.ChannelId);
        await RecordCallOutcomeAsync(ended.Result);
    }

    public Task<IReadOnlyList<string>> GetLiveChannelsAsync() => Task.FromResult<IReadOnlyList<string>>([.. Pbx.LiveChannels]);

    public async Task ConfigureAsync(PbxConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration.Provider);
        if (state.RecordExists && Pbx.Provider == configuration.Provider)
        {
            return;
        }

        Pbx.Provider = configuration.Provider;
        Pbx.StatusSince ??= time.GetUtcNow();
        await SaveAsync();
    }

    public async Task RecordPingAsync(PbxPing ping)
    {
        ArgumentNullException.ThrowIfNull(ping);

        if (ping.Latency < TimeSpan.Zero)
        {
            throw new ArgumentException($"A ping's latency cannot be negative ({ping.Latency}).", nameof(ping));
        }

        var statusBefore = Pbx.Status;
        Pbx.LastPingAt = ping.At;
        Pbx.StatusSince ??= ping.At;
        if (ping.Ok)
        {
            RecordGoodPing(ping.At);
        }
        else
        {
            Pbx.ConsecutivePingFailures++;
            Pbx.ConsecutiveGoodPings = 0;
            AddError(ping.At, $"ping failed: {ping.Error}");
            SetStatus(PbxStatus.Down, ping.At);
        }

        // A good ping that changes only its time and the streak stays in memory: a write every few seconds per PBX would
        // cost the store much and tell a new activation nothing the next ping does not.
        if (!ping.Ok || Pbx.Status != statusBefore || !state.RecordExists)
        {
            await SaveAsync();
        }

        // On every ping, not on changes only: the process that pings reports the PBX, also right after it took the lease.
        CallPingMetrics.RecordPbxHealth(PbxId, Pbx.Status);
    }

    public async Task RecordConnectionAsync(PbxConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection.DriverSiloId);
        if (_link is not null && connection.DriverSiloId != _link.Id)
        {
            // A closed connection's last words (or another activation's): this activation's own connection says what is true.
            return;
        }
        var unchanged = state.RecordExists && connection.Connected && Pbx.Connected
            && Pbx.DrivenBy == connection.DriverSiloId && connection.Error is null;
        if (unchanged)
        {
            return;
        }

        Pbx.DrivenBy = connection.DriverSiloId;
        Pbx.Connected = connection.Connected;
        Pbx.StatusSince ??= connection.At;
        if (connection.Connected)
        {
            if (connection.Error is not null)
            {
                AddError(connection.At, $"event socket ({connection.DriverSiloId}): {connection.Error}");
            }
        }
        else
        {
            // Good pings count only while the socket is up, so the streak starts again after a reconnect.
            Pbx.ConsecutiveGoodPings = 0;
            AddError(connection.At, $"event socket disconnected ({connection.DriverSiloId}): {connection.Error ?? "no reason given"}");
            SetStatus(PbxStatus.Down, connection.At);
        }

        await SaveAsync();
        if (connection.Connected)
        {
            _standDown = FirstStandDown;
        }

        CallPingMetrics.RecordPbxHealth(PbxId, Pbx.Status);
    }

    public async Task RecordMediaFailureAsync(string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        AddError(time.GetUtcNow(), $"media fetch failed: {detail}");
        await SaveAsync();
    }

    public async Task RecordCallOutcomeAsync(PbxCallResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!Enum.IsDefined(result.Outcome))
        {
            throw new ArgumentException($"Unknown call outcome {(int)result.Outcome}.", nameof(result));
        }

        Pbx.CallsPlaced++;
        Pbx.StatusSince ??= result.At;
        if (result.Outcome == CallOutcome.TrunkFailure)
        {
            Pbx.TrunkFailures++;
            Pbx.ConsecutiveTrunkFailures++;
            AddError(result.At, $"trunk failure, cause {result.Cause}: {result.Detail ?? "no detail"}");
            if (Pbx.Status == PbxStatus.Healthy && Pbx.ConsecutiveTrunkFailures >= Rules.TrunkFailuresToDegrade)
            {
                SetStatus(PbxStatus.Degraded, result.At);
            }
        }
        else
        {
            Pbx.ConsecutiveTrunkFailures = 0;
        }

        await SaveAsync();
        CallPingMetrics.RecordPbxHealth(PbxId, Pbx.Status);
    }

    public Task<PbxHealth> GetHealthAsync() => Task.FromResult(new PbxHealth(
        PbxId,
        Pbx.Provider,
        Pbx.Status,
        Pbx.StatusSince,
        Pbx.Connected,
        Pbx.DrivenBy,
        Pbx.ConsecutivePingFailures,
        Pbx.ConsecutiveGoodPings,
        Pbx.ConsecutiveTrunkFailures,
        Pbx.CallsPlaced,
        Pbx.TrunkFailures,
        Pbx.LastPingAt,
        [.. Pbx.LastErrors]));

    /// <summary>Stores the PBX: dials interleave, so its writes are grouped.</summary>
    private Task SaveAsync() => (_writes ??= new GroupedWrites(WriteSnapshotAsync)).SaveAsync();

    private Task WriteSnapshotAsync()
    {
        state.State = Pbx.Snapshot();
        return state.WriteStateAsync();
    }

    private async Task<DialResult> FailDialAsync(string error)
    {
        await RecordCallOutcomeAsync(new PbxCallResult(time.GetUtcNow(), CallOutcome.TrunkFailure, 0, error));
        CallPingMetrics.RecordCallPlaced(PbxId, CallOutcome.TrunkFailure);
        return DialResult.Failed(error);
    }

    private async Task CloseLinkAsync()
    {
        if (_link is { } link)
        {
            _link = null;
            await link.DisposeAsync();
        }
    }

    private void RecordGoodPing(DateTimeOffset at)
    {
        Pbx.ConsecutivePingFailures = 0;
        if (!Pbx.Connected)
        {
            Pbx.ConsecutiveGoodPings = 0;
            return;
        }

        Pbx.ConsecutiveGoodPings++;
        if (Pbx.Status == PbxStatus.Down && Pbx.ConsecutiveGoodPings >= Rules.GoodPingsToRecover)
        {
            // The PBX being back says nothing about a trunk that was failing before it went down.
            var degraded = Pbx.ConsecutiveTrunkFailures >= Rules.TrunkFailuresToDegrade;
            SetStatus(degraded ? PbxStatus.Degraded : PbxStatus.Healthy, at);
        }
        else if (Pbx.Status == PbxStatus.Degraded && Pbx.ConsecutiveGoodPings >= Rules.GoodPingsToLeaveDegraded)
        {
            Pbx.ConsecutiveTrunkFailures = 0;
            SetStatus(PbxStatus.Healthy, at);
        }
    }

    private void SetStatus(PbxStatus status, DateTimeOffset at)
    {
        if (Pbx.Status == status)
        {
            return;
        }

        Pbx.Status = status;
        Pbx.StatusSince = at;
        if (status == PbxStatus.Degraded)
        {
            // Recovery from degraded counts the good pings after the trunk started failing, not before.
            Pbx.ConsecutiveGoodPings = 0;
        }
    }

    private void AddError(DateTimeOffset at, string error)
    {
        var stamp = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        Pbx.LastErrors.Add($"{stamp} {error}");
        var excess = Pbx.LastErrors.Count - Math.Max(1, Rules.ErrorsKept);
        if (excess > 0)
        {
            Pbx.LastErrors.RemoveRange(0, excess);
        }
    }
}
