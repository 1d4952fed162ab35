using CallPing.TestSupport;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests;

/// <summary>Two or three real silo processes on one PostgreSQL database.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TwoSilos_ThousandIncrementsEachToOneGrain_EndAtExactly2000()
    {
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 2);

        var reports = await Task.WhenAll(
            cluster.PostAsync(0, "/counters/shared/increments?count=1000"),
            cluster.PostAsync(1, "/counters/shared/increments?count=1000"));

        Assert.All(reports, r => Assert.True(r.Failed == 0, string.Join("; ", r.FirstErrors)));
        Assert.Equal(2000, await cluster.GetAsync<int>(0, "/counters/shared"));
        Assert.Equal(2000, await cluster.GetAsync<int>(1, "/counters/shared"));
    }

    [Fact]
    public async Task ThreeSilos_200RemindersDueInOneSecond_EachFiresOnce_MedianDelayUnderOneSecond()
    {
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 3, new() { ["Reminders:BatchSize"] = "20" });
        var dueAt = Cluster.NowMs + 10000;

        var scheduled = await cluster.PostAsync(0, $"/reminders?prefix=r&count=200&dueAtUnixMs={dueAt}&deliveryTakesMs=0");
        await Eventually.ReachesAsync(() => cluster.ScalarAsync<long>("SELECT COUNT(*) FROM reminders"), n => n == 0, TimeSpan.FromSeconds(40), "reminders left");
        var reports = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => cluster.GetAsync<ReminderReport>(i % 3, $"/reminders/r-{i}")));

        Assert.Equal(200, scheduled.Succeeded);
        Assert.All(reports, r => Assert.Equal(1, r.Fired));
        var delays = reports.Select(r => r.LastDelayMs).Order().ToList();
        output.WriteLine($"200 reminders on 3 silos: delay after due p50 {delays[100]:0} ms, p99 {delays[197]:0} ms, max {delays[^1]:0} ms");
        Assert.True(delays[delays.Count / 2] < 1000, $"median delay {delays[delays.Count / 2]} ms");
    }

    [Fact]
    public async Task SiloHoldingLeaseAndReminders_KilledHard_SurvivorTakesBothWithin15s_AndSeesItDead()
    {
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 3, new() { ["Reminders:BatchSize"] = "5" });
        var holder = await Eventually.ReachesAsync(() => LeaseHolderAsync(cluster), h => h is not null, TimeSpan.FromSeconds(20), "lease holder");
        var victim = cluster.Nodes[int.Parse(holder!["node-".Length..]) - 1];
        var survivor = cluster.Nodes.IndexOf(cluster.Nodes.First(n => n != victim));
        await cluster.PostAsync(survivor, $"/reminders?prefix=slow&count=45&dueAtUnixMs={Cluster.NowMs + 1000}&deliveryTakesMs=1500");
        await Eventually.ReachesAsync(() => cluster.ScalarAsync<long>($"SELECT COUNT(*) FROM reminders WHERE claimed_by = '{holder}'"),
            n => n > 0, TimeSpan.FromSeconds(20), "reminders claimed by the lease holder");

        victim.Kill();
        var killedAt = DateTime.UtcNow;

        var newHolder = await Eventually.ReachesAsync(() => LeaseHolderAsync(cluster), h => h is not null && h != holder, Takeover, "new lease holder");
        await Eventually.ReachesAsync(() => cluster.ScalarAsync<long>("SELECT COUNT(*) FROM reminders"), n => n == 0, TimeSpan.FromSeconds(40), "reminders left");
        var silos = await Eventually.ReachesAsync(() => cluster.GetAsync<List<SiloEntry>>(survivor, "/silos"),
            s => s.Any(e => e.SiloId == holder && e.Status == "Dead"), TimeSpan.FromSeconds(10), "membership");
        output.WriteLine($"lease and reminders taken over {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s after the kill (lease holder {holder} -> {newHolder})");
        var fired = await Task.WhenAll(Enumerable.Range(0, 45).Select(i => cluster.GetAsync<ReminderReport>(survivor, $"/reminders/slow-{i}")));

        Assert.NotEqual(holder, newHolder);
        Assert.All(fired, r => Assert.True(r.Fired >= 1));
        Assert.Equal(2, silos.Count(s => s.Status == "Active"));
    }

    [Fact]
    public async Task OutboxUnderThreeSilos_OneKilledMidBatch_EveryEffectAppliedOnce_NoneLost()
    {
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 3, new() { ["Outbox:BatchSize"] = "10", ["ClusterNode:EffectTakesMs"] = "100" });
        await cluster.ExecuteAsync(RecordedEffects.Schema);

        var emitting = cluster.PostAsync(0, "/effects?prefix=e&count=300");
        // Kill node-3 right after seeing effects it claimed and has not completed: they are orphaned mid-batch.
        var orphaned = await Eventually.ReachesAsync(
            () => cluster.ScalarAsync<string>("SELECT COALESCE(string_agg(idempotency_key, ','), '') FROM outbox WHERE claimed_by = 'node-3' AND completed_at IS NULL"),
            keys => keys.Length > 0, TimeSpan.FromSeconds(20), "effects claimed by node-3");
        cluster.Nodes[2].Kill();
        var emitted = await emitting;

        await Eventually.ReachesAsync(() => cluster.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE completed_at IS NULL"),
            n => n == 0, TimeSpan.FromSeconds(30), "effects pending");
        var applied = await cluster.ScalarAsync<long>("SELECT COUNT(*) FROM test_effects");
        var distinctRuns = await cluster.ScalarAsync<long>("SELECT COUNT(DISTINCT idempotency_key) FROM test_effect_runs");

        var orphanedApplied = await cluster.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM test_effects WHERE idempotency_key = ANY(string_to_array('{orphaned}', ','))");

        Assert.Equal(300, emitted.Succeeded);
        Assert.Equal(300, applied);
        Assert.Equal(300, distinctRuns);
        Assert.Equal(orphaned.Split(',').Length, orphanedApplied);
    }

    [Fact]
    public async Task PostgresRestarted_WhileSilosRun_TheyReconnectAndNoStateIsLost()
    {
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 2);
        var before = await Task.WhenAll(cluster.PostAsync(0, "/counters/kept/increments?count=100"), cluster.PostAsync(1, "/counters/kept/increments?count=100"));
        Assert.All(before, r => Assert.Equal(100, r.Succeeded));

        await postgres.StopAsync();
        await Task.Delay(1000);
        await postgres.StartAsync();
        await Task.WhenAll(cluster.Nodes.Select(n => n.WaitUntilReadyAsync(TimeSpan.FromSeconds(30))));
        var succeededAfterRestart = 0;
        await Eventually.ReachesAsync(async () =>
        {
            var reports = await Task.WhenAll(cluster.PostAsync(0, "/counters/kept/increments?count=1"), cluster.PostAsync(1, "/counters/kept/increments?count=1"));
            succeededAfterRestart += reports.Sum(r => r.Succeeded);
            return reports.Sum(r => r.Failed);
        }, failed => failed == 0, TimeSpan.FromSeconds(20), "failed increments after restart");

        Assert.Equal(200 + succeededAfterRestart, await cluster.GetAsync<int>(0, "/counters/kept"));
    }

    [Fact]
    public async Task Silo_WrongPostgresPassword_ExitsWithOneLineNamingTheProblem()
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString("postgres", password: "not-the-password"),
        });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"CallPing could not start: Cannot use PostgreSQL 127.0.0.1:{postgres.Port}/postgres (Storage:ConnectionString): password authentication failed", silo.Output);
        Assert.DoesNotContain("   at ", silo.Output);
        Assert.DoesNotContain("not-the-password", silo.Output);
    }

    [Fact]
    public async Task TwoWorkers_EachPbxDrivenByExactlyOne_KillOne_SurvivorDrivesAllFiveWithin15s()
    {
        await using var fleet = await TestSupport.Pbx.SimulatorFleet.StartAsync();
        var settings = fleet.Settings();
        settings["Pbx:HealthCheckInterval"] = "00:00:00.500";
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 2, settings);
        bool AllConnected() => fleet.Pbxes.All(p => p.IsAppConnected("callping"));

        var holders = await Eventually.ReachesAsync(() => PbxHoldersAsync(cluster), h => h.Count == 5 && AllConnected(), TimeSpan.FromSeconds(30), "PBX drivers");
        var victim = holders.Values.GroupBy(h => h).OrderByDescending(g => g.Count()).First().Key;
        var survivor = victim == "node-1" ? "node-2" : "node-1";
        cluster.Nodes[victim == "node-1" ? 0 : 1].Kill();
        var killedAt = DateTime.UtcNow;
        await Eventually.ReachesAsync(() => PbxHoldersAsync(cluster), h => h.Count == 5 && h.Values.All(x => x == survivor) && AllConnected(), Takeover, "PBXes driven by the survivor");
        var takeover = DateTime.UtcNow - killedAt;
        output.WriteLine($"all five PBXes driven by {survivor} {takeover.TotalSeconds:0.0} s after {victim} was killed");

        Assert.All(holders.Values, h => Assert.Contains(h, new[] { "node-1", "node-2" }));
        Assert.True(takeover < Takeover, $"took {takeover}");
    }

    [Fact]
    public async Task SiloDrivingACall_KilledMidRing_AlertCompletesOnSurvivor_NoTryDialledTwice()
    {
        const string alice = "+15550111", bob = "+15550122";
        await using var fleet = await TestSupport.Pbx.SimulatorFleet.StartAsync();
        fleet.Script(alice, PbxSimulator.Scripting.PhoneScript.RingsWithoutAnswer());
        fleet.Script(bob, PbxSimulator.Scripting.PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        var settings = fleet.Settings();
        settings["Pbx:HealthCheckInterval"] = "00:00:00.500";
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 2, settings);
        await Eventually.ReachesAsync(() => PbxHoldersAsync(cluster), h => h.Count == 5 && fleet.Pbxes.All(p => p.IsAppConnected("callping")), TimeSpan.FromSeconds(30), "PBX drivers");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Eventually.ReachesAsync(() => cluster.GetAsync<PbxReply>(0, $"/pbxes/{TestSupport.Pbx.SimulatorFleet.IdOf(i)}"),
            h => h.Status == "Healthy", TimeSpan.FromSeconds(30), "PBX health")));
        await cluster.PostAsync<object>(0, $"/projects/ops?contact={Uri.EscapeDataString(alice)}&contact={Uri.EscapeDataString(bob)}&ringTimeoutSeconds=15&stepDelaySeconds=1&repeats=1");

        var triggered = await cluster.PostAsync<IntakeReply>(0, "/alerts/ops/outage?summary=Checkout%20down");
        var ringing = await Eventually.ReachesAsync(() => Task.FromResult(fleet.Pbxes.SelectMany(p => p.Log.Originates).FirstOrDefault(o => o.Number == alice)),
            o => o is not null, TimeSpan.FromSeconds(20), $"Alice's phone ringing (alert {triggered.AlertId})");
        var pbxOfTheCall = fleet.Pbxes.Single(p => p.Log.Originates.Contains(ringing));
        var driver = (await PbxHoldersAsync(cluster))[$"pbx:{SimulatorFleetIdOf(fleet, pbxOfTheCall)}"];
        cluster.Nodes[driver == "node-1" ? 0 : 1].Kill();
        var survivor = driver == "node-1" ? 1 : 0;

        var alert = await Eventually.ReachesAsync(() => cluster.GetAsync<AlertReply>(survivor, $"/alerts/{triggered.AlertId}"),
            a => a.Status == "Acknowledged", TimeSpan.FromSeconds(60), "alert acknowledged on the survivor");
        var originates = fleet.Pbxes.SelectMany(p => p.Log.Originates).ToList();

        Assert.All(originates.GroupBy(o => o.ChannelId), g => Assert.Single(g));
        Assert.Single(originates, o => o.Number == alice);
        Assert.Single(originates, o => o.Number == bob);
        Assert.Equal(2, alert.Calls.Count);
    }

    [Fact]
    public async Task WorkerStoppedWithSigterm_DuringACall_CallCompletesOnTheOtherWorker_NothingDialledTwice()
    {
        const string alice = "+15550111", bob = "+15550122";
        await using var fleet = await TestSupport.Pbx.SimulatorFleet.StartAsync();
        fleet.Script(alice, PbxSimulator.Scripting.PhoneScript.AnswersAndPresses(TimeSpan.FromSeconds(15), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        var settings = fleet.Settings();
        settings["Pbx:HealthCheckInterval"] = "00:00:00.500";
        await using var cluster = await Cluster.StartAsync(postgres, nodes: 2, settings);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Eventually.ReachesAsync(() => cluster.GetAsync<PbxReply>(0, $"/pbxes/{TestSupport.Pbx.SimulatorFleet.IdOf(i)}"),
            h => h.Status == "Healthy", TimeSpan.FromSeconds(30), "PBX health")));
        await cluster.PostAsync<object>(0, $"/projects/deploy?contact={Uri.EscapeDataString(alice)}&contact={Uri.EscapeDataString(bob)}&ringTimeoutSeconds=30&stepDelaySeconds=1&repeats=1");

        var triggered = await cluster.PostAsync<IntakeReply>(0, "/alerts/deploy/rollout?summary=Rollout%20stuck");
        var ringing = await Eventually.ReachesAsync(() => Task.FromResult(fleet.Pbxes.SelectMany(p => p.Log.Originates).FirstOrDefault(o => o.Number == alice)),
            o => o is not null, TimeSpan.FromSeconds(20), $"Alice's phone ringing (alert {triggered.AlertId})");
        var pbxOfTheCall = fleet.Pbxes.Single(p => p.Log.Originates.Contains(ringing));
        var driver = (await PbxHoldersAsync(cluster))[$"pbx:{SimulatorFleetIdOf(fleet, pbxOfTheCall)}"];
        var stopping = driver == "node-1" ? 0 : 1;
        await cluster.Nodes[stopping].TerminateAsync(TimeSpan.FromSeconds(30));

        var alert = await Eventually.ReachesAsync(() => cluster.GetAsync<AlertReply>(1 - stopping, $"/alerts/{triggered.AlertId}"),
            a => a.Status == "Acknowledged", TimeSpan.FromSeconds(60), "alert acknowledged by Alice on the other worker");
        var originates = fleet.Pbxes.SelectMany(p => p.Log.Originates).ToList();

        Assert.Equal(0, await cluster.Nodes[stopping].WaitForExitAsync(TimeSpan.FromSeconds(1)));
        Assert.Single(originates);
        Assert.Single(alert.Calls);
    }

    private static string SimulatorFleetIdOf(TestSupport.Pbx.SimulatorFleet fleet, PbxSimulator.SimulatedPbx pbx) =>
        TestSupport.Pbx.SimulatorFleet.IdOf(fleet.Pbxes.ToList().IndexOf(pbx));

    /// <summary>Who drives each PBX now: the unexpired holder of its lease.</summary>
    private static async Task<Dictionary<string, string>> PbxHoldersAsync(Cluster cluster)
    {
        var rows = await cluster.ScalarAsync<string>(
            $"SELECT COALESCE(string_agg(name || '=' || holder, ','), '') FROM leases WHERE name LIKE 'pbx:%' AND expires_at > {Cluster.NowMs}");
        return rows.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('=')).ToDictionary(p => p[0], p => p[1]);
    }

    private static async Task<string?> LeaseHolderAsync(Cluster cluster)
    {
        var holder = await cluster.ScalarAsync<string>(
            $"SELECT COALESCE((SELECT holder FROM leases WHERE name = 'test:singleton' AND expires_at > {Cluster.NowMs}), '')");
        return holder.Length == 0 ? null : holder;
    }
}
