using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Telemetry;

/// <summary>
/// The product's instruments, on one static meter so that grains, intake and PBX drivers record without injection.
/// Every measurement is taken after the fact it counts was stored: a grain turn that is re-run after a write
/// conflict must not count twice.
/// </summary>
public static class CallPingMetrics
{
    public const string MeterName = "CallPing";

    /// <summary>How long a PBX's health stays reported after its last ping here: the lease and its pings may move to another silo.</summary>
    public static readonly TimeSpan PbxHealthFreshFor = TimeSpan.FromMinutes(1);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> AlertsReceived = Meter.CreateCounter<long>(
        "callping.alerts.received", "{event}", "Alert events stored, by the intake they came through (api, pagerduty, alertmanager, grafana).");

    private static readonly Counter<long> CallsPlaced = Meter.CreateCounter<long>(
        "callping.calls.placed", "{try}", "Call tries that ended, by PBX and outcome.");

    private static readonly Counter<long> TrunkFailovers = Meter.CreateCounter<long>(
        "callping.trunk.failovers", "{failover}", "Tries placed again on another PBX after a trunk or PBX failure, by the PBX that failed.");

    private static readonly Histogram<double> AlertToFirstRing = Meter.CreateHistogram(
        "callping.alert.first_ring", "s", "From an alert's creation to the first originate of its first call.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120] });

    private static readonly Counter<long> SpeechRenders = Meter.CreateCounter<long>(
        "callping.speech.renders", "{rendering}", "Texts spoken by espeak-ng, by voice: identical alerts share one rendering.");

    private static readonly Histogram<double> SpeechRenderTime = Meter.CreateHistogram(
        "callping.speech.render_time", "s", "How long rendering a text to 8 kHz audio took, waiting for a free slot excluded.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] });

    private static readonly ConcurrentDictionary<string, (PbxStatus Status, long At)> PbxHealth = new(StringComparer.Ordinal);

    static CallPingMetrics() => Meter.CreateObservableGauge("callping.pbx.health", ObservePbxHealth, "{pbx}",
        "1 for the status each PBX pinged from this process is in, 0 for the others.");

    /// <summary>Counts one stored alert event from <paramref name="origin"/>.</summary>
    public static void RecordAlertReceived(string origin) => AlertsReceived.Add(1, new KeyValuePair<string, object?>("source", origin));

    /// <summary>Counts one call try on <paramref name="pbxId"/> that ended with <paramref name="outcome"/>.</summary>
    public static void RecordCallPlaced(string pbxId, CallOutcome outcome) =>
        CallsPlaced.Add(1, new KeyValuePair<string, object?>("pbx", pbxId), new KeyValuePair<string, object?>("outcome", OutcomeLabel(outcome)));

    /// <summary>Counts one try placed again elsewhere because <paramref name="fromPbxId"/> failed it.</summary>
    public static void RecordTrunkFailover(string fromPbxId) => TrunkFailovers.Add(1, new KeyValuePair<string, object?>("from_pbx", fromPbxId));

    /// <summary>Records how long an alert waited for its first originate; a clock step backwards counts as no wait.</summary>
    public static void RecordAlertToFirstRing(TimeSpan elapsed) => AlertToFirstRing.Record(Math.Max(0, elapsed.TotalSeconds));

    /// <summary>Counts one text rendered with <paramref name="voice"/> in <paramref name="elapsed"/>.</summary>
    public static void RecordSpeechRendered(string voice, TimeSpan elapsed)
    {
        SpeechRenders.Add(1, new KeyValuePair<string, object?>("voice", voice));
        SpeechRenderTime.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("voice", voice));
    }

    /// <summary>Notes the status a PBX is in, as seen by the process that pings it.</summary>
    public static void RecordPbxHealth(string pbxId, PbxStatus status) => PbxHealth[pbxId] = (status, Stopwatch.GetTimestamp());

    /// <summary>Prometheus label values are snake case: "TrunkFailure" becomes "trunk_failure".</summary>
    public static string OutcomeLabel(CallOutcome outcome) =>
        string.Concat(outcome.ToString().Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "_") + char.ToLowerInvariant(c) : c.ToString()));

    private static IEnumerable<Measurement<int>> ObservePbxHealth()
    {
        foreach (var (pbxId, (status, at)) in PbxHealth)
        {
            if (Stopwatch.GetElapsedTime(at) > PbxHealthFreshFor)
            {
                continue;
            }

            foreach (var candidate in Enum.GetValues<PbxStatus>())
            {
                yield return new Measurement<int>(candidate == status ? 1 : 0,
                    new KeyValuePair<string, object?>("pbx", pbxId), new KeyValuePair<string, object?>("status", candidate.ToString().ToLowerInvariant()));
            }
        }
    }
}
