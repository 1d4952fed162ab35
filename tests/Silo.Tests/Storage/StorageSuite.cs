using System.Text.Json;
using CallPing.Silo.Storage;
using CallPing.WebFrontend.Hosting;
using CallPing.Silo.Tests.Storage.Grains;
using CallPing.TestSupport;
using Orleans.Storage;

namespace CallPing.Silo.Tests.Storage;

/// <summary>Grain state, reminders and migrations on real Orleans silos, run once per store kind.</summary>
public abstract class StorageSuite
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _serviceId = $"storage-{Guid.NewGuid():N}";

    /// <summary>Settings of a new, empty store of this kind.</summary>
    protected abstract Task<StorageOptions> NewStoreAsync();

    /// <summary>The stored payload as an operator reads it (psql / sqlite3), by state name and string grain key.</summary>
    protected abstract Task<string?> ReadStoredJsonAsync(StorageOptions storage, string stateName, string key);

    /// <summary>Sets the recorded schema version behind the migrator's back, as a newer build would have.</summary>
    protected abstract Task RecordSchemaVersionAsync(StorageOptions storage, int version);

    [Fact]
    public async Task WriteState_SiloRestartedOnSameStore_StateReadBackAndStoredAsJson()
    {
        var storage = await NewStoreAsync();
        await using (var first = await StorageCluster.StartAsync(storage, _serviceId))
        {
            await first.Client.GetGrain<ICounterGrain>("alice").IncrementAsync("first");
            await first.Client.GetGrain<ICounterGrain>("alice").IncrementAsync("second");
        }

        await using var second = await StorageCluster.StartAsync(storage, _serviceId);
        var state = await second.Client.GetGrain<ICounterGrain>("alice").GetAsync();
        var json = await ReadStoredJsonAsync(storage, CounterGrain.StateName, "alice");

        Assert.Equal(("second", 2), (state.Label, state.Count));
        Assert.NotNull(json);
        using var stored = JsonDocument.Parse(json);
        Assert.Equal("second", stored.RootElement.GetProperty("Label").GetString());
        Assert.Equal(2, stored.RootElement.GetProperty("Count").GetInt32());
    }

    [Fact]
    public async Task WriteState_TwoGrainTypesSameKeyDifferentStateNames_KeepSeparateRows()
    {
        var storage = await NewStoreAsync();
        await using var cluster = await StorageCluster.StartAsync(storage, _serviceId);

        await cluster.Client.GetGrain<ICounterGrain>("shared-key").IncrementAsync("counter");
        await cluster.Client.GetGrain<ITallyGrain>("shared-key").IncrementAsync("tally");
        await cluster.Client.GetGrain<ITallyGrain>("shared-key").IncrementAsync("tally");
        var counter = await cluster.Client.GetGrain<ICounterGrain>("shared-key").GetAsync();

        Assert.Equal(("counter", 1), (counter.Label, counter.Count));
        Assert.Contains("\"Count\":1", await ReadStoredJsonAsync(storage, CounterGrain.StateName, "shared-key"));
        Assert.Contains("\"Count\":2", await ReadStoredJsonAsync(storage, TallyGrain.StateName, "shared-key"));
    }

    [Fact]
    public async Task WriteState_StaleETag_FailsWithInconsistentStateException()
    {
        var storage = await NewStoreAsync();
        await using var cluster = await StorageCluster.StartAsync(storage, _serviceId);
        var grain = cluster.Client.GetGrain<ICounterGrain>("contested");
        await grain.IncrementAsync("activation");

        // Another writer (a second activation during a membership change) moves the stored version on.
        var other = new GrainState<CounterState>();
        await cluster.GrainStorage.ReadStateAsync(CounterGrain.StateName, grain.GetGrainId(), other);
        other.State!.Label = "other writer";
        await cluster.GrainStorage.WriteStateAsync(CounterGrain.StateName, grain.GetGrainId(), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync("stale activation"));
        Assert.Contains("other writer", await ReadStoredJsonAsync(storage, CounterGrain.StateName, "contested"));
    }

    [Fact]
    public async Task WriteState_FirstWriteWhenRowExists_FailsWithInconsistentStateException()
    {
        var storage = await NewStoreAsync();
        await using var cluster = await StorageCluster.StartAsync(storage, _serviceId);
        var grainId = cluster.Client.GetGrain<ICounterGrain>("raced").GetGrainId();
        var first = new GrainState<CounterState>(new CounterState { Label = "first" });
        var second = new GrainState<CounterState>(new CounterState { Label = "second" });

        await cluster.GrainStorage.WriteStateAsync(CounterGrain.StateName, grainId, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => cluster.GrainStorage.WriteStateAsync(CounterGrain.StateName, grainId, second));
        Assert.Equal("1", first.ETag);
    }

    [Fact]
    public async Task Reminder_Registered_FiresAndFiresAgainAfterSiloRestart()
    {
        var storage = await NewStoreAsync();
        var key = $"restart-{Guid.NewGuid():N}";
        await using (var first = await StorageCluster.StartAsync(storage, _serviceId))
        {
            await first.Client.GetGrain<IReminderProbeGrain>(key).RegisterAsync("watchdog", DateTime.UtcNow.AddSeconds(1), StorageCluster.ReminderPeriod);
            await WaitForTicksAsync(key, "watchdog", 1);
        }

        var ticksBeforeRestart = ReminderLog.Ticks(key, "watchdog").Count;
        await using var second = await StorageCluster.StartAsync(storage, _serviceId);

        await WaitForTicksAsync(key, "watchdog", ticksBeforeRestart + 1);
    }

    [Fact]
    public async Task Reminder_Unregistered_StopsFiring()
    {
        var storage = await NewStoreAsync();
        var key = $"stop-{Guid.NewGuid():N}";
        await using var cluster = await StorageCluster.StartAsync(storage, _serviceId);
        var grain = cluster.Client.GetGrain<IReminderProbeGrain>(key);
        await grain.RegisterAsync("stopped", DateTime.UtcNow.AddSeconds(1), StorageCluster.ReminderPeriod);
        await WaitForTicksAsync(key, "stopped", 1);

        await grain.UnregisterAsync("stopped");
        var ticksAtUnregister = ReminderLog.Ticks(key, "stopped").Count;
        // A second reminder on the same period is the clock: three of its ticks span three periods of the first.
        await grain.RegisterAsync("clock", DateTime.UtcNow.AddSeconds(1), StorageCluster.ReminderPeriod);
        await WaitForTicksAsync(key, "clock", 3);

        // At most one tick that was already queued behind the unregister call may still arrive.
        Assert.InRange(ReminderLog.Ticks(key, "stopped").Count, ticksAtUnregister, ticksAtUnregister + 1);
    }

    [Fact]
    public async Task Reminder_TwoHundredDueWithinOneSecond_EachFiresOnce()
    {
        var storage = await NewStoreAsync();
        var prefix = $"many-{Guid.NewGuid():N}";
        var keys = Enumerable.Range(0, 200).Select(i => $"{prefix}-{i}").ToList();
        await using var cluster = await StorageCluster.StartAsync(storage, _serviceId);

        // All due within the same second, late enough for 200 registrations to be in first. A long period: within
        // this test each reminder is due once, so a second tick would be a duplicate.
        var firstTick = DateTime.UtcNow.AddSeconds(10);
        await Task.WhenAll(keys.Select((key, i) =>
            cluster.Client.GetGrain<IReminderProbeGrain>(key).RegisterAsync("burst", firstTick.AddMilliseconds(i * 5), TimeSpan.FromMinutes(10))));
        Assert.True(DateTime.UtcNow < firstTick, "The registrations took longer than the margin before the first tick.");
        await Eventually.ReachesAsync(() => Task.FromResult(keys.Count(k => ReminderLog.Ticks(k, "burst").Count > 0)),
            fired => fired == keys.Count, Deadline, "reminders that fired");

        Assert.All(keys, key => Assert.Single(ReminderLog.Ticks(key, "burst")));
    }

    [Fact]
    public async Task Migrate_AppliedTwice_SecondIsNoOp()
    {
        var storage = await NewStoreAsync();
        await using var store = CallPingStore.Create(storage);
        var migrator = new SchemaMigrator(store);

        var before = await migrator.MigrateAsync(CancellationToken.None);
        var again = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal((0, migrator.LatestVersion), (before, again));
        Assert.Equal(1, migrator.LatestVersion);
    }

    [Fact]
    public async Task Migrate_TwoMigratorsAtOnce_BothSucceedAndApplyOnce()
    {
        var storage = await NewStoreAsync();
        await using var first = CallPingStore.Create(storage);
        await using var second = CallPingStore.Create(storage);

        var found = await Task.WhenAll(new SchemaMigrator(first).MigrateAsync(CancellationToken.None), new SchemaMigrator(second).MigrateAsync(CancellationToken.None));

        // One of them applied version 1 (it found 0); the other waited and found it applied.
        Assert.Equal([0, 1], found.Order());
    }

    [Fact]
    public async Task Start_StoreWithNewerSchema_RefusedWithOneLine()
    {
        var storage = await NewStoreAsync();
        await using (var current = CallPingStore.Create(storage))
        {
            await current.StartAsync();
        }

        await RecordSchemaVersionAsync(storage, 7);
        await using var store = CallPingStore.Create(storage);

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => store.StartAsync());
        Assert.Equal($"The {store.Kind} store {store.Location} has schema version 7; this build knows up to 1. " +
            "Upgrade CallPing to the version that wrote it, or point Storage at another store.", error.Message);
    }

    [Fact]
    public async Task CheckReady_BeforeAndAfterStart_NotReadyThenReadyNamingTheStore()
    {
        var storage = await NewStoreAsync();
        await using var store = CallPingStore.Create(storage);

        var before = await store.CheckReadyAsync();
        await store.StartAsync();
        var after = await store.CheckReadyAsync();

        Assert.False(before.Ready);
        Assert.Equal((true, $"{store.Description}, schema version 1"), after);
    }

    [Fact]
    public async Task SiloStart_StoreWithNewerSchema_FailsWithStorageStartupException()
    {
        var storage = await NewStoreAsync();
        await using (var current = CallPingStore.Create(storage))
        {
            await current.StartAsync();
        }

        await RecordSchemaVersionAsync(storage, 2);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StorageCluster.StartAsync(storage, _serviceId));
        Assert.Contains(Flatten(error), e => e is StorageStartupException { Message: var m } && m.Contains("has schema version 2"));
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException aggregate
            ? [e, .. aggregate.InnerExceptions.SelectMany(Flatten)]
            : e.InnerException is { } inner ? [e, .. Flatten(inner)] : [e];

    private static Task WaitForTicksAsync(string key, string reminder, int ticks) =>
        Eventually.ReachesAsync(() => Task.FromResult(ReminderLog.Ticks(key, reminder).Count), n => n >= ticks, Deadline, $"ticks of {reminder}");
}
