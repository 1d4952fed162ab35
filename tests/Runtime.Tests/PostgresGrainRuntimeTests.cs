using CallPing.Runtime.Storage;
using CallPing.TestSupport.Grains;
using CallPing.Runtime.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainRuntimeTests(PostgresStoreUnderTest store) : GrainRuntimeTests(store)
{
    [Fact]
    public async Task Start_WrongPassword_FailsNamingTheProblem()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = store.Server.ConnectionString("postgres", password: "wrong"),
        };

        var error = await Assert.ThrowsAsync<StoreStartupException>(() => TestSilo.StartAsync(settings));

        Assert.Contains($"PostgreSQL 127.0.0.1:{store.Server.Port}/postgres", error.Message);
        Assert.Contains("password authentication failed", error.Message);
    }

    [Fact]
    public async Task Start_UnreachableServer_FailsNamingTheProblem()
    {
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=postgres;Password=x;Database=callping;Timeout=3",
        };

        var error = await Assert.ThrowsAsync<StoreStartupException>(() => TestSilo.StartAsync(settings));

        Assert.Contains($"PostgreSQL 127.0.0.1:{port}/callping", error.Message);
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public async Task WorkWrittenByWebSilo_WakesWorkerSiloAtOnce_NotAtItsNextPoll()
    {
        var storeSettings = await store.NewStoreAsync();
        var slowPolls = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "00:01:00", ["Outbox:PollInterval"] = "00:01:00" };
        var worker = await StartSiloAsync(storeSettings, slowPolls);
        var web = await StartSiloAsync(storeSettings, slowPolls, worker: false);
        var handler = worker.Get<RecordingEffectHandler>();
        await Task.Delay(500);

        await web.Grains.GetGrain<IEffectGrain>("notified").EmitAsync("notified-effect");
        await web.Grains.GetGrain<IReminderGrain>("notified").ScheduleOnceAsync(TimeSpan.FromMilliseconds(200));

        await Eventually.ReachesAsync(() => Task.FromResult(handler.Applied.GetValueOrDefault("notified-effect")), n => n == 1, TimeSpan.FromSeconds(5), "effect run by the worker");
        await Eventually.ReachesAsync(web.Grains.GetGrain<IReminderGrain>("notified").GetFiredAsync, n => n == 1, TimeSpan.FromSeconds(5), "reminder fired by the worker");
    }

    [Fact]
    public async Task GracefulStop_HandsClaimedRemindersOver_LongBeforeTheirClaimsExpire()
    {
        var storeSettings = await store.NewStoreAsync();
        var longClaims = new Dictionary<string, string?> { ["Reminders:ClaimDuration"] = "00:01:00", ["Reminders:BatchSize"] = "10" };
        var leaving = await TestSilo.StartAsync(storeSettings, longClaims);
        await leaving.Grains.GetGrain<IReminderGrain>("handover-0").GetFiredAsync();
        for (var i = 0; i < 10; i++)
        {
            await leaving.Grains.GetGrain<IReminderGrain>($"handover-{i}").ScheduleOnceAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3));
        }

        await Task.Delay(1000);
        var staying = await StartSiloAsync(storeSettings, longClaims);
        await leaving.DisposeAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Eventually.ReachesAsync(
            staying.Grains.GetGrain<IReminderGrain>($"handover-{i}").GetFiredAsync, n => n >= 1, TimeSpan.FromSeconds(20), $"reminder {i} after the handover")));
    }

    [Fact]
    public async Task ServerRestart_WhileSilosRun_TheyReconnectKeepStateAndPumpsGoOn()
    {
        var storeSettings = await store.NewStoreAsync();
        var slowPolls = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "00:01:00", ["Outbox:PollInterval"] = "00:01:00" };
        var worker = await StartSiloAsync(storeSettings, slowPolls);
        var web = await StartSiloAsync(storeSettings, slowPolls, worker: false);
        var counter = web.Grains.GetGrain<ICounterGrain>("survivor");
        await counter.AddAsync(7);

        await store.Server.StopAsync();
        await store.Server.StartAsync();

        var after = await Eventually.ReachesAsync(async () =>
        {
            try
            {
                return await counter.AddAsync(1);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                return -1;
            }
        }, value => value > 0, TimeSpan.FromSeconds(20), "counter after restart");
        await web.Grains.GetGrain<IEffectGrain>("after-restart").EmitAsync("after-restart");
        await web.Grains.GetGrain<IReminderGrain>("after-restart").ScheduleOnceAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(8, after);
        var handler = worker.Get<RecordingEffectHandler>();
        await Eventually.ReachesAsync(() => Task.FromResult(handler.Applied.GetValueOrDefault("after-restart")), n => n == 1, TimeSpan.FromSeconds(10), "effect after restart");
        await Eventually.ReachesAsync(web.Grains.GetGrain<IReminderGrain>("after-restart").GetFiredAsync, n => n == 1, TimeSpan.FromSeconds(10), "reminder after restart");
    }
}
