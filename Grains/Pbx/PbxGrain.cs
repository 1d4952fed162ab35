using System.Globalization;
using Microsoft.Extensions.Options;
using CallPing.Ari;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Telemetry;
using CallPing.Runtime;

namespace CallPing.Grains.Pbx;

/// <summary>
/// One PBX's health. Down at a failed ping or without an event socket, because ARI hangs up answered calls when no
/// socket is connected; healthy again after good pings with the socket up. A trunk that keeps failing calls
/// degrades it, so the router uses it only when no healthy PBX is left.
/// </summary>
public sealed class PbxGrain(
    [PersistentState("pbx")] IPersistentState<PbxState> state,
    IOptions<PbxHealthOptions> options,
    TimeProvider time) : Grain, IPbxGrain
{
    private PbxHealthOptions Rules => options.Value;

    private PbxState Pbx => state.State;

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
        await state.WriteStateAsync();
    }

    public async Task RecordPingAsync(PbxPing ping)
    {
        ArgumentNullException.ThrowIfNull(ping);
        if (ping.Latency < TimeSpan.Zero)
        {
            throw new ArgumentException($"A ping's latency cannot be negative ({ping.Latency}).", nameof(ping));
        }

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

        await state.WriteStateAsync();
        // On every ping, not on changes only: the process that pings reports the PBX, also right after it took the lease.
        CallPingMetrics.RecordPbxHealth(GetPrimaryKeyString(), Pbx.Status);
    }

    public async Task RecordConnectionAsync(PbxConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection.DriverSiloId);
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

        await state.WriteStateAsync();
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

        await state.WriteStateAsync();
    }

    public Task<PbxHealth> GetHealthAsync() => Task.FromResult(new PbxHealth(
        GetPrimaryKeyString(),
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
