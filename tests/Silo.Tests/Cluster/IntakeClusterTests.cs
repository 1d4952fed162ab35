using System.Diagnostics;
using System.Net;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>Alert intake on a real cluster: Silo and WebFrontend processes on one PostgreSQL database.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IntakeClusterTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Alice = "+15550111";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoWebProcesses_ThousandTriggersOfOneDedupKeyEach_OneAlertCountedExactly2000Times()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        await using var cluster = await SiloCluster.StartAsync(postgres, fleet, silos: 3, webs: 2);
        using var admin = new PublicApi(cluster.Webs[0]);
        var project = await admin.CreateProjectAsync("storm", [Alice], ringTimeoutSeconds: 20, stepDelaySeconds: 60, repeats: 1);
        var webs = cluster.Webs.Select(w => new PublicApi(w, project.ApiKey)).ToList();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(webs.SelectMany(web => Enumerable.Range(0, 1000).Select(_ => web.TriggerAsync("checkout-down", "Checkout down"))));
        clock.Stop();
        var alertId = results.First(r => r.Accepted is not null).Accepted!.AlertId!;
        var alert = await webs[1].GetAlertAsync(alertId);
        webs.ForEach(w => w.Dispose());

        output.WriteLine($"2 x 1000 triggers of one dedup key through 2 web processes to 3 silos: {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"{2000 / clock.Elapsed.TotalSeconds:0} triggers/s; {results.Count(r => r.Status == HttpStatusCode.Accepted)} accepted, alert count {alert?.Count}");
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        Assert.Single(results.Select(r => r.Accepted!.AlertId).Distinct());
        Assert.Single(results, r => r.Accepted!.Created);
        Assert.Equal(2000, alert!.Count);
        Assert.Equal(2000, results.Max(r => r.Accepted!.Count));
        Assert.Single(alert.Calls);
    }

    [Fact]
    public async Task PostgresStoppedFor10Seconds_SilosRecover_EveryAcceptedAlertIsStored()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        await using var cluster = await SiloCluster.StartAsync(postgres, fleet, silos: 2);
        await cluster.WaitForHealthyFleetAsync(fleet, Within);
        using var admin = new PublicApi(cluster.Silos[0]);
        var project = await admin.CreateProjectAsync("db", [Alice], ringTimeoutSeconds: 20, stepDelaySeconds: 60, repeats: 1);
        var apis = cluster.Silos.Select(s => new PublicApi(s, project.ApiKey)).ToList();
        var accepted = new List<string>();
        var sent = 0;
        async Task<HttpStatusCode> SendAsync()
        {
            var n = Interlocked.Increment(ref sent);
            try
            {
                var (status, answer) = await apis[n % apis.Count].TriggerAsync($"key-{n}", $"Alert {n}");
                if (answer is not null)
                {
                    lock (accepted)
                    {
                        accepted.Add(answer.AlertId!);
                    }
                }

                return status;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return 0;
            }
        }

        var before = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync()));
        await postgres.StopAsync();
        var stoppedAt = Stopwatch.StartNew();
        var during = new List<HttpStatusCode>();
        while (stoppedAt.Elapsed < TimeSpan.FromSeconds(10))
        {
            during.AddRange(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync())));
        }

        await postgres.StartAsync();
        var recovery = Stopwatch.StartNew();
        await Eventually.ReachesAsync(SendAsync, s => s == HttpStatusCode.Accepted, Within, "a trigger accepted after PostgreSQL came back");
        var recovered = recovery.Elapsed;
        var after = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync()));
        var stored = await Task.WhenAll(accepted.Select(id => apis[0].GetAlertAsync(id)));
        var rows = await cluster.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = 'alert' AND PayloadBinary IS NOT NULL AND GrainIdExtensionString IN ('{string.Join("','", accepted)}')");
        apis.ForEach(a => a.Dispose());

        output.WriteLine($"PostgreSQL down {stoppedAt.Elapsed.TotalSeconds:0.0} s: {during.Count} triggers sent meanwhile, {during.Count(s => s == HttpStatusCode.Accepted)} accepted, " +
            $"others {string.Join(", ", during.Where(s => s != HttpStatusCode.Accepted).GroupBy(s => (int)s).Select(g => $"{g.Key} x{g.Count()}"))}; " +
            $"first trigger accepted {recovered.TotalSeconds:0.0} s after it came back; {accepted.Count} accepted in all, {rows} stored");
        Assert.All(before, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.All(after, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.All(stored, a => Assert.NotNull(a));
        Assert.Equal(accepted.Count, rows);
        Assert.All(cluster.Silos, s => Assert.False(s.HasExited, s.Output));
    }

    [Fact]
    public async Task KeyRevokedWhileTwoWebProcessesServeItFromMemory_BothAnswer401WithinFiveSeconds()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.RingsWithoutAnswer());
        await using var cluster = await SiloCluster.StartAsync(postgres, fleet, silos: 1, webs: 2);
        using var admin = new PublicApi(cluster.Webs[0]);
        var project = await admin.CreateProjectAsync("revoked", [Alice], ringTimeoutSeconds: 20, stepDelaySeconds: 60, repeats: 1);
        var webs = cluster.Webs.Select(w => new PublicApi(w, project.ApiKey)).ToList();
        foreach (var web in webs)
        {
            await web.TriggerAcceptedAsync("before-revoke", "Before the key is revoked");
        }

        await admin.RevokeFirstKeyAsync(project.ProjectId);
        var revokedAt = Stopwatch.StartNew();
        var refusedAfter = await Task.WhenAll(webs.Select(async web =>
        {
            await Eventually.ReachesAsync(async () => (await web.TriggerAsync("after-revoke", "After the key is revoked")).Status,
                status => status == HttpStatusCode.Unauthorized, Within, "the revoked key refused");
            return revokedAt.Elapsed;
        }));
        webs.ForEach(w => w.Dispose());

        output.WriteLine($"key revoked; refused by the two web processes after {string.Join(" and ", refusedAfter.Select(t => $"{t.TotalSeconds:0.00} s"))}");
        Assert.All(refusedAfter, t => Assert.True(t < TimeSpan.FromSeconds(5), $"refused only after {t.TotalSeconds:0.0} s"));
    }
}
