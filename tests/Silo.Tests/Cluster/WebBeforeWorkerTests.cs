using System.Diagnostics;
using System.Net;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>A fresh cluster whose web process starts before any worker silo, as pods of a new deployment may.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebBeforeWorkerTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Alice = "+15550121";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Alone = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WebStartedBeforeAnyWorkerSilo_WaitsNotReady_ReadyAndAcceptsAnAlertOnceAWorkerJoins()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.RingsWithoutAnswer());
        await using var cluster = await SiloCluster.CreateAsync(postgres, fleet);

        var web = cluster.StartWeb();
        var waiting = await Eventually.ReachesAsync(() => ReadyzAsync(web), r => r.Body.Contains("waiting for a worker silo to join"), Within, "/readyz naming the wait");
        var alone = Stopwatch.StartNew();
        var probes = new List<HttpStatusCode>();
        while (alone.Elapsed < Alone && !web.HasExited)
        {
            probes.Add((await ReadyzAsync(web)).Status);
            await Task.Delay(250);
        }

        using var early = new PublicApi(web, "cp_live_not-checked-before-the-web-process-has-joined");
        var (earlyStatus, _) = await early.TriggerAsync("too-early", "Sent before any worker silo joined");
        var exitedAlone = web.HasExited;
        var aloneFor = alone.Elapsed;
        var silo = cluster.StartSilo();
        var workerStarted = Stopwatch.StartNew();
        await web.WaitUntilReadyAsync(Within);
        var readyAfter = workerStarted.Elapsed;
        using var admin = new PublicApi(web);
        var project = await admin.CreateProjectAsync("web-first", [Alice], ringTimeoutSeconds: 20, stepDelaySeconds: 60, repeats: 1);
        using var api = new PublicApi(web, project.ApiKey);
        var (status, accepted) = await api.TriggerAsync("web-first", "Web process started before the workers");

        output.WriteLine($"web alone {aloneFor.TotalSeconds:0.0} s after its first answer: /readyz {string.Join(", ", probes.GroupBy(s => (int)s).Select(g => $"{g.Key} x{g.Count()}"))}, " +
            $"\"{waiting.Body}\"; a trigger meanwhile {(int)earlyStatus}; ready {readyAfter.TotalSeconds:0.0} s after the worker silo was started; trigger {(int)status}");
        Assert.False(exitedAlone, web.Output);
        Assert.NotEmpty(probes);
        Assert.All(probes, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, earlyStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.Status);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(accepted!.Created);
        Assert.Contains("Waiting for a worker silo to join the cluster", web.Output);
        Assert.Contains("Joined the cluster after waiting", web.Output);
        Assert.DoesNotContain("Unhandled exception", web.Output);
        // Data Protection's key ring is read at its first use, not at start, when no grain can answer yet.
        Assert.All(new[] { web, silo }, p => Assert.DoesNotContain("An error occurred while reading the key ring", p.Output));
    }

    [Fact]
    public async Task WebWaitingForAWorkerSilo_Terminated_StopsAtOnceWithExitCode0()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        await using var cluster = await SiloCluster.CreateAsync(postgres, fleet);
        var web = cluster.StartWeb();
        await Eventually.ReachesAsync(() => ReadyzAsync(web), r => r.Body.Contains("waiting for a worker silo to join"), Within, "/readyz naming the wait");

        var stopping = Stopwatch.StartNew();
        await web.TerminateAsync(Within);

        output.WriteLine($"stopped {stopping.Elapsed.TotalSeconds:0.0} s after SIGTERM");
        Assert.Equal(0, await web.WaitForExitAsync(Within));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {stopping.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task WebWithWrongPostgresPassword_DoesNotWaitButExitsNamingTheFailure()
    {
        await using var web = HostProcess.Start("WebFrontend", new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString("postgres", password: "not-the-password"),
        });

        var exitCode = await web.WaitForExitAsync(Within);

        Assert.Equal(2, exitCode);
        Assert.Contains($"CallPing could not start: Cannot use PostgreSQL 127.0.0.1:{postgres.Port}/postgres (Storage:ConnectionString): password authentication failed", web.Output);
        Assert.DoesNotContain("PostgresException", web.Output);
        Assert.DoesNotContain("Waiting for a worker silo", web.Output);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyzAsync(HostProcess host)
    {
        try
        {
            using var response = await host.Http.GetAsync("/readyz");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, e.Message);
        }
    }
}
