using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;

namespace CallPing.Grains.Telemetry;

/// <summary>
/// Measures alert-to-first-ring where the ring starts: the PBX driver, right after an originate was accepted.
/// Only the driver knows that moment, and only the alert knows when it was created and which of its tries came
/// first, so the driver asks the alert (call ids are "{alertId}-{n}").
/// </summary>
public static class AlertFirstRing
{
    /// <summary>
    /// Records the wait when <paramref name="dial"/> is its alert's first originate: every try before it, in this call
    /// and in earlier calls, never reached a PBX (the driver ends those as trunk failures with cause 0), and calls
    /// that found no PBX have no tries at all. A failed lookup is logged and dropped: a metric must never make the
    /// dial effect run again.
    /// </summary>
    public static async Task RecordAsync(IGrainFactory grains, DialCommand dial, DateTimeOffset originatedAt, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(dial);
        var dash = dial.CallId.LastIndexOf('-');
        if (dash <= 0 || !dial.CallId[(dash + 1)..].All(char.IsAsciiDigit))
        {
            return;
        }

        try
        {
            var alert = await grains.GetGrain<IAlertGrain>(dial.CallId[..dash]).GetAsync();
            if (alert is not null && IsFirstOriginate([.. alert.Calls.SelectMany(c => c.Tries)], dial.ChannelId))
            {
                CallPingMetrics.RecordAlertToFirstRing(originatedAt - alert.CreatedAt);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not measure alert-to-first-ring for call {Call}", dial.CallId);
        }
    }

    /// <summary>Whether every try before <paramref name="channelId"/>, in the alert's order, failed without reaching a PBX.</summary>
    public static bool IsFirstOriginate(IReadOnlyList<CallTry> tries, string channelId)
    {
        ArgumentNullException.ThrowIfNull(tries);
        var index = tries.ToList().FindIndex(t => t.ChannelId == channelId);
        return index >= 0 && tries.Take(index).All(t => t is { Outcome: CallOutcome.TrunkFailure, Cause: 0, AnsweredAt: null });
    }
}
