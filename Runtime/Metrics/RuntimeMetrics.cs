using System.Diagnostics.Metrics;

namespace CallPing.Runtime.Metrics;

/// <summary>
/// Instruments the runtime's worker loops record into. Static, so that the pumps record with one call and no new
/// dependency; per-host instruments (activations) live in <see cref="GrainActivationsGauge"/>.
/// </summary>
public static class RuntimeMetrics
{
    public const string MeterName = "CallPing.Runtime";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> ReminderLag = Meter.CreateHistogram(
        "callping.reminder.lag", "s", "How late reminders are delivered: delivery time minus due time.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] });

    static RuntimeMetrics() => Meter.CreateObservableGauge("callping.outbox.backlog", () => OutboxBacklog.Observe(), "{effect}",
        "Outbox effects not yet completed, as last counted by this process's outbox pump.");

    /// <summary>The backlog the outbox pump counts; the gauge reads the cached count, since scrapes must not query the store.</summary>
    internal static OutboxBacklog OutboxBacklog { get; } = new(TimeProvider.System, OutboxBacklog.DefaultRefreshEvery);

    /// <summary>Records a delivery <paramref name="lag"/> behind its due time; early deliveries (clock skew) count as on time.</summary>
    internal static void RecordReminderLag(TimeSpan lag) => ReminderLag.Record(Math.Max(0, lag.TotalSeconds));
}
