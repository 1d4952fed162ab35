using System.Diagnostics.Metrics;
using CallPing.Runtime.Metrics;

namespace CallPing.Runtime.Tests.Metrics;

public sealed class OutboxBacklogTests
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private readonly ManualClock _clock = new();
    private long _pending;
    private int _counts;

    [Fact]
    public void Observe_BeforeTheFirstCount_ReportsNothing()
    {
        var backlog = new OutboxBacklog(_clock, RefreshEvery);

        var observed = backlog.Observe();

        Assert.Empty(observed);
    }

    [Fact]
    public async Task RefreshAsync_WithinTheInterval_DoesNotQueryTheStoreAgain()
    {
        var backlog = new OutboxBacklog(_clock, RefreshEvery);
        _pending = 12;
        await backlog.RefreshAsync(CountAsync, default);

        _pending = 40;
        _clock.Advance(RefreshEvery - TimeSpan.FromMilliseconds(1));
        await backlog.RefreshAsync(CountAsync, default);

        Assert.Equal(1, _counts);
        Assert.Equal(12, Assert.Single(backlog.Observe()).Value);
    }

    [Fact]
    public async Task RefreshAsync_AfterTheInterval_ReportsTheNewCount()
    {
        var backlog = new OutboxBacklog(_clock, RefreshEvery);
        _pending = 12;
        await backlog.RefreshAsync(CountAsync, default);

        _pending = 40;
        _clock.Advance(RefreshEvery);
        await backlog.RefreshAsync(CountAsync, default);

        Assert.Equal(2, _counts);
        Assert.Equal(40, Assert.Single(backlog.Observe()).Value);
    }

    private Task<long> CountAsync(CancellationToken cancellationToken)
    {
        _counts++;
        return Task.FromResult(_pending);
    }

    [Fact]
    public void RuntimeMeter_Instruments_AreTheReminderLagHistogramAndTheBacklogGauge()
    {
        var found = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == RuntimeMetrics.MeterName && instrument.Meter.Scope is null)
                {
                    found.Add(instrument);
                }
            },
        };

        RuntimeMetrics.RecordReminderLag(TimeSpan.Zero);
        listener.Start();

        Assert.Contains(found, i => i is Histogram<double> { Name: "callping.reminder.lag", Unit: "s" });
        Assert.Contains(found, i => i is ObservableGauge<long> { Name: "callping.outbox.backlog" });
    }
}
