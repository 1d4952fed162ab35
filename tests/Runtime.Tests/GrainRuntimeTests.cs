using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using CallPing.Runtime.Activation;
using CallPing.TestSupport.Grains;
using CallPing.Runtime.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Runtime.Tests;

/// <summary>The runtime's promises, run once per store kind by the derived classes.</summary>
public abstract class GrainRuntimeTests(IStoreUnderTest store) : IAsyncLifetime
{
    private readonly List<TestSilo> _silos = [];

    protected IStoreUnderTest Store => store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    protected async Task<TestSilo> StartSiloAsync(Dictionary<string, string?> storeSettings, Dictionary<string, string?>? settings = null, TestSilo? shareStoreWith = null, bool worker = true)
    {
        var handler = _silos.Count > 0 ? _silos[0].Get<RecordingEffectHandler>() : new RecordingEffectHandler();
        var silo = await TestSilo.StartAsync(storeSettings, settings, s => s.AddSingleton<IOutboxHandler>(handler).AddSingleton(handler), shareStoreWith, worker);
        _silos.Add(silo);
        return silo;
    }

    [Fact]
    public async Task Counter_ThousandConcurrentCalls_EndsAtExactlyThousand()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var counter = silo.Grains.GetGrain<ICounterGrain>("hits");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.AddAsync(1))));

        Assert.Equal(1000, await counter.GetAsync());
    }

    [Fact]
    public async Task SlowGrains_DifferentKeys_RunInParallel_SameKey_OneAtATime()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var duration = TimeSpan.FromSeconds(1);

        var different = await Task.WhenAll(
            silo.Grains.GetGrain<ISlowGrain>("a").WorkAsync(duration),
            silo.Grains.GetGrain<ISlowGrain>("b").WorkAsync(duration));
        var same = await Task.WhenAll(
            silo.Grains.GetGrain<ISlowGrain>("c").WorkAsync(duration),
            silo.Grains.GetGrain<ISlowGrain>("c").WorkAsync(duration));

        Assert.True(different[0].Start < different[1].End && different[1].Start < different[0].End,
            $"Different grains did not overlap: {different[0]} and {different[1]}.");
        Assert.True(same[0].End <= same[1].Start || same[1].End <= same[0].Start,
            $"Two calls on one grain overlapped: {same[0]} and {same[1]}.");
    }

    [Fact]
    public async Task CallCycle_AToBToA_FailsWithTimeoutAndGrainsStillAnswer()
    {
        var timeout = TimeSpan.FromSeconds(1);
        var silo = await StartSiloAsync(await Store.NewStoreAsync(), new() { ["GrainRuntime:CallTimeout"] = "00:00:01" });
        var a = silo.Grains.GetGrain<ICycleGrain>("A");
        var b = silo.Grains.GetGrain<ICycleGrain>("B");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => a.CallPeerAsync("B"));
        var failedAfter = clock.Elapsed;

        // Well under the suite's default 10 s call timeout, so the configured 1 s is what fired.
        Assert.InRange(failedAfter, timeout * 0.9, timeout + TimeSpan.FromSeconds(5));
        // Either leg of the cycle may time out first; both name the grain that did not answer.
        Assert.Matches("on CycleGrain/[AB] did not complete", error.Message);
        Assert.Equal("A", await a.PingAsync());
        Assert.Equal("B", await b.PingAsync());
    }

    [Fact]
    public async Task State_WrittenBeforeRestart_IsReadByNewInstance()
    {
        var storeSettings = await Store.NewStoreAsync();
        await using (var first = await TestSilo.StartAsync(storeSettings))
        {
            await first.Grains.GetGrain<ICounterGrain>("persisted").AddAsync(42);
        }

        var second = await StartSiloAsync(storeSettings);

        Assert.Equal(42, await second.Grains.GetGrain<ICounterGrain>("persisted").GetAsync());
    }

    [Fact]
    public async Task StateWrite_LosingEtagRace_IsRetriedWithFreshState()
    {
        var storeSettings = await Store.NewStoreAsync();
        var first = await StartSiloAsync(storeSettings);
        var second = await StartSiloAsync(storeSettings, shareStoreWith: first);
        var onFirst = first.Grains.GetGrain<ICounterGrain>("raced");
        var onSecond = second.Grains.GetGrain<ICounterGrain>("raced");
        await onFirst.GetAsync();
        await onSecond.GetAsync();

        var afterFirst = await onFirst.AddAsync(1);
        var afterSecond = await onSecond.AddAsync(10);

        Assert.Equal(1, afterFirst);
        Assert.Equal(11, afterSecond);
        Assert.Equal(111, await onFirst.AddAsync(100));
    }

    [Fact]
    public async Task OneShotReminder_RegisteredBeforeRestart_FiresAfterIt()
    {
        var storeSettings = await Store.NewStoreAsync();
        await using (var first = await TestSilo.StartAsync(storeSettings, worker: false))
        {
            await first.Grains.GetGrain<IReminderGrain>("restart").ScheduleOnceAsync(TimeSpan.FromMilliseconds(200));
            await Task.Delay(500);
            Assert.Equal(0, await first.Grains.GetGrain<IReminderGrain>("restart").GetFiredAsync());
        }

        var second = await StartSiloAsync(storeSettings);
        var grain = second.Grains.GetGrain<IReminderGrain>("restart");

        await Eventually.ReachesAsync(grain.GetFiredAsync, fired => fired >= 1, TimeSpan.FromSeconds(10), "deliveries after restart");
        await Task.Delay(500);
        Assert.Equal(1, await grain.GetFiredAsync());
    }

    [Fact]
    public async Task PeriodicReminder_FiresRepeatedly_AndStopsWhenUnregistered()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var grain = silo.Grains.GetGrain<IReminderGrain>("periodic");

        await grain.SchedulePeriodicAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250));
        await Eventually.ReachesAsync(grain.GetFiredAsync, fired => fired >= 3, TimeSpan.FromSeconds(10), "periodic deliveries");
        await grain.StopAsync();
        await Task.Delay(1000);
        var afterStop = await grain.GetFiredAsync();
        await Task.Delay(1000);

        Assert.Equal(afterStop, await grain.GetFiredAsync());
    }

    [Fact]
    public async Task Reminder_ThatThrows_IsRetriedNotLost()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var key = $"failing-{Guid.NewGuid():N}";
        ReminderGrain.FailuresLeft[key] = 2;
        var grain = silo.Grains.GetGrain<IReminderGrain>(key);

        await grain.ScheduleOnceAsync(TimeSpan.FromMilliseconds(100));

        await Eventually.ReachesAsync(grain.GetFiredAsync, fired => fired >= 1, TimeSpan.FromSeconds(10), "deliveries after two failures");
        Assert.Equal(3, ReminderGrain.Attempts[key]);
        Assert.Equal(1, await grain.GetFiredAsync());
    }

    [Fact]
    public async Task OutboxEffect_HandlerFails_RunsAgainUntilItSucceeds_AppliedOnce()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var handler = silo.Get<RecordingEffectHandler>();
        handler.FailBeforeApply["e1"] = 1;
        handler.FailAfterApply["e1"] = 1;
        var grain = silo.Grains.GetGrain<IEffectGrain>("emitter");

        await grain.EmitAsync("e1");
        await grain.EmitAsync("e1");

        await Eventually.ReachesAsync(() => Task.FromResult(handler.Attempts.GetValueOrDefault("e1")), n => n >= 3, TimeSpan.FromSeconds(10), "handler runs");
        await Eventually.ReachesAsync(() => silo.Get<Storage.IOutboxStore>().CountPendingAsync(default), n => n == 0, TimeSpan.FromSeconds(10), "pending effects");
        Assert.Equal(3, handler.Attempts["e1"]);
        Assert.Equal(1, handler.Applied["e1"]);
        Assert.Equal(2, await grain.GetEmittedAsync());
    }

    [Fact]
    public async Task OutboxEffect_QueuedWithoutWrite_IsCommitted_QueuedByFailedCall_IsDropped()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var handler = silo.Get<RecordingEffectHandler>();
        var grain = silo.Grains.GetGrain<IEffectGrain>("loose");

        await grain.EmitWithoutWriteAsync("no-write");
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.EmitThenFailAsync("failed-call"));

        await Eventually.ReachesAsync(() => Task.FromResult(handler.Applied.GetValueOrDefault("no-write")), n => n == 1, TimeSpan.FromSeconds(10), "effect without write");
        await Task.Delay(500);
        Assert.False(handler.Attempts.ContainsKey("failed-call"));
    }

    [Fact]
    public async Task OutboxEffect_SlowOne_DoesNotHoldUpTheOthers()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var handler = silo.Get<RecordingEffectHandler>();
        handler.Takes["slow"] = TimeSpan.FromSeconds(5);

        await silo.Grains.GetGrain<IEffectGrain>("slow").EmitAsync("slow");
        await Eventually.ReachesAsync(() => Task.FromResult(handler.Attempts.GetValueOrDefault("slow")), n => n == 1, TimeSpan.FromSeconds(5), "the slow effect started");
        await silo.Grains.GetGrain<IEffectGrain>("fast").EmitAsync("fast");

        await Eventually.ReachesAsync(() => Task.FromResult(handler.Applied.GetValueOrDefault("fast")), n => n == 1, TimeSpan.FromSeconds(3), "the fast effect while the slow one runs");
        Assert.False(handler.Applied.ContainsKey("slow"));
    }

    [Fact]
    public async Task OutboxEffect_PinnedToLease_WaitsUntilThisSiloHoldsIt()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var handler = silo.Get<RecordingEffectHandler>();
        var leases = silo.Get<Storage.ILeaseTable>();
        await leases.TryAcquireAsync("pbx:elsewhere", "another-silo", TimeSpan.FromSeconds(1), default);

        await silo.Grains.GetGrain<IEffectGrain>("pinned").EmitPinnedAsync("pinned-effect", "pbx:elsewhere");
        await Task.Delay(600);
        var whileHeldElsewhere = handler.Attempts.GetValueOrDefault("pinned-effect");
        await Task.Delay(600);
        await leases.TryAcquireAsync("pbx:elsewhere", silo.Get<Hosting.SiloIdentity>().Id, TimeSpan.FromSeconds(30), default);

        await Eventually.ReachesAsync(() => Task.FromResult(handler.Applied.GetValueOrDefault("pinned-effect")), n => n == 1, TimeSpan.FromSeconds(5), "pinned effect");
        Assert.Equal(0, whileHeldElsewhere);
    }

    [Fact]
    public async Task IdleActivation_IsCollected_AndStateSurvives()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync(), new() { ["GrainRuntime:IdleCollectionAfter"] = "00:00:01" });
        var catalog = silo.Get<GrainCatalog>();
        await silo.Grains.GetGrain<ICounterGrain>("idle").AddAsync(5);

        await Eventually.ReachesAsync(() => Task.FromResult(catalog.ActivationCount), n => n == 0, TimeSpan.FromSeconds(10), "activations");

        Assert.Equal(5, await silo.Grains.GetGrain<ICounterGrain>("idle").GetAsync());
    }

    [Fact]
    public async Task GrainTimer_TicksAsTurns_UntilDisposed()
    {
        var silo = await StartSiloAsync(await Store.NewStoreAsync());
        var grain = silo.Grains.GetGrain<ITimerGrain>("timer");

        await grain.StartAsync(TimeSpan.FromMilliseconds(50));
        await Eventually.ReachesAsync(grain.GetTicksAsync, n => n >= 3, TimeSpan.FromSeconds(10), "timer ticks");
        await grain.StopAsync();
        var afterStop = await grain.GetTicksAsync();
        await Task.Delay(300);

        Assert.Equal(afterStop, await grain.GetTicksAsync());
    }
}
