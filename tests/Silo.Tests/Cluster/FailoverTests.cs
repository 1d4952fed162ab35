using System.Diagnostics;
using CallPing.Grains.Interfaces.Models;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>A silo of a three-silo cluster dies (kill -9) or is stopped (SIGTERM) while it holds a PBX's connection or a call.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Alice = "+15550111";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TakeoverTarget = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SiloHoldingAPbxConnection_KilledHard_AnotherSiloDrivesThePbxWithin10Seconds()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        await using var cluster = await SiloCluster.StartAsync(postgres, fleet, silos: 3);
        await cluster.WaitForHealthyFleetAsync(fleet, Within);
        var before = (await cluster.DriverOfAsync("pbx-1"))!;

        before.Silo!.Kill();
        var clock = Stopwatch.StartNew();
        await before.Silo.WaitForExitAsync(Within);
        var after = (await Eventually.ReachesAsync(() => cluster.DriverOfAsync("pbx-1"),
            d => d is { Connected: true, Status: "Healthy", Silo.HasExited: false } && d.Link != before.Link && fleet["pbx-1"].IsAppConnected("callping"),
            Within, "pbx-1 driven again"))!;
        var takeover = clock.Elapsed;

        output.WriteLine($"pbx-1 driven by {before.Link}; that silo killed; driven again by {after.Link} {takeover.TotalSeconds:0.0} s later (target under {TakeoverTarget.TotalSeconds:0} s)");
        Assert.NotSame(before.Silo, after.Silo);
        Assert.True(takeover < TakeoverTarget, $"the takeover took {takeover.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task SiloDrivingARingingCall_KilledHard_AlertAcknowledgedOnASurvivor_NoChannelOriginatedTwice()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.AnswersAndPresses(TimeSpan.FromSeconds(4), "1", TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100)));
        await using var cluster = await SiloCluster.StartAsync(postgres, fleet, silos: 3);
        var (apiKey, alertId, pbxId, driver) = await RaiseAndFindDriverAsync(cluster, fleet);

        driver.Kill();
        var clock = Stopwatch.StartNew();
        using var survivor = new PublicApi(cluster.Silos.First(s => s != driver), apiKey);
        var alert = await AlertSettlesAsync(survivor, alertId);

        var originates = fleet.Pbxes.SelectMany(p => p.Log.Originates).ToList();
        output.WriteLine($"the silo driving Alice's ringing call was killed; alert {alert.Status} {clock.Elapsed.TotalSeconds:0.0} s later after " +
            string.Join("; ", alert.Calls.SelectMany(c => c.Tries).Select(t => $"{t.ChannelId} on {t.PbxId}: {t.Outcome} {t.Detail}")));
        PrintWhatHappened(fleet, cluster);
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.Contains("0111", alert.AcknowledgedBy);
        Assert.All(originates.GroupBy(o => o.ChannelId), g => Assert.Single(g));
        AssertNothingLeftOpen(fleet, alert);
    }

    [Fact]
    public async Task SiloDrivingARingingCall_StoppedWithSigterm_CallCompletesElsewhere_NothingDialledTwice()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.AnswersAndPresses(TimeSpan.FromSeconds(15), "1", TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100)));
        await using var cluster = await SiloCluster.StartAsync(postgres, fleet, silos: 3);
        var (apiKey, alertId, pbxId, driver) = await RaiseAndFindDriverAsync(cluster, fleet);
        using var watch = new CancellationTokenSource();
        var socketDown = LongestSocketGapAsync(fleet[pbxId], watch.Token);

        var clock = Stopwatch.StartNew();
        var stopping = driver.TerminateAsync(Within);
        await Eventually.ReachesAsync(() => cluster.DriverOfAsync(pbxId), d => d is { Connected: true } && d.Silo != driver && fleet[pbxId].IsAppConnected("callping"),
            Within, $"{pbxId} driven by another silo");
        var takeover = clock.Elapsed;
        await stopping;
        using var survivor = new PublicApi(cluster.Silos.First(s => s != driver), apiKey);
        var exited = clock.Elapsed;
        var alert = await AlertSettlesAsync(survivor, alertId);
        await watch.CancelAsync();

        output.WriteLine($"the silo driving Alice's ringing call got SIGTERM; it exited {exited.TotalSeconds:0.0} s later; another silo drove {pbxId} {takeover.TotalSeconds:0.0} s " +
            $"after the signal; {pbxId} was without an event socket for {(await socketDown).TotalSeconds:0.0} s; alert {alert.Status}: " +
            string.Join("; ", alert.Calls.SelectMany(c => c.Tries).Select(t => $"{t.ChannelId} on {t.PbxId}: {t.Outcome}")));
        PrintWhatHappened(fleet, cluster);
        Assert.Equal(0, await driver.WaitForExitAsync(Within));
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.Single(fleet.Pbxes.SelectMany(p => p.Log.Originates), o => o.Number == Alice);
        AssertNothingLeftOpen(fleet, alert);
    }

    /// <summary>Creates a project calling Alice only, raises an alert, waits for her phone to ring and finds the silo driving that PBX.</summary>
    private async Task<(string ApiKey, string AlertId, string PbxId, HostProcess Driver)> RaiseAndFindDriverAsync(SiloCluster cluster, SimulatorFleet fleet)
    {
        await cluster.WaitForHealthyFleetAsync(fleet, Within);
        using var api = new PublicApi(cluster.Silos[0]);
        var project = await api.CreateProjectAsync("payments", [Alice], ringTimeoutSeconds: 30, stepDelaySeconds: 1, repeats: 1);
        using var intake = new PublicApi(cluster.Silos[0], project.ApiKey);
        var alertId = (await intake.TriggerAcceptedAsync("payments-failing", "Payments failing")).AlertId!;
        var ringing = await Eventually.ReachesAsync(() => Task.FromResult(fleet.Pbxes.Select((p, i) => (Pbx: SimulatorFleet.IdOf(i), Calls: p.Log.Originates)).FirstOrDefault(p => p.Calls.Count > 0)),
            p => p.Pbx is not null, Within, "Alice's phone ringing");
        var driver = (await cluster.DriverOfAsync(ringing.Pbx))!;
        output.WriteLine($"Alice's phone rings through {ringing.Pbx}, driven by {driver.Link}");
        return (project.ApiKey, alertId, ringing.Pbx, driver.Silo!);
    }

    /// <summary>
    /// Waits until the alert is no longer calling anyone and each of its calls has ended. Until the cluster has declared
    /// the dead silo dead, a grain that lived there cannot answer: such a read counts as "not yet".
    /// </summary>
    private static async Task<AlertView> AlertSettlesAsync(PublicApi api, string alertId) =>
        (await Eventually.ReachesAsync(async () =>
            {
                try
                {
                    return await api.GetAlertAsync(alertId);
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            a => a is not null && a.Status != AlertStatus.Triggered && a.Calls.All(c => c.Status is CallStatus.Ended or CallStatus.NoPbxAvailable),
            Within, $"alert {alertId} settled"))!;

    /// <summary>The longest time the PBX had no event socket for CallPing's application, until cancelled.</summary>
    private static async Task<TimeSpan> LongestSocketGapAsync(PbxSimulator.SimulatedPbx pbx, CancellationToken cancellationToken)
    {
        var longest = TimeSpan.Zero;
        Stopwatch? down = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var connected = pbx.IsAppConnected("callping");
            if (!connected)
            {
                down ??= Stopwatch.StartNew();
            }
            else if (down is not null)
            {
                longest = down.Elapsed > longest ? down.Elapsed : longest;
                down = null;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return down is not null && down.Elapsed > longest ? down.Elapsed : longest;
    }

    /// <summary>How each channel ended on the PBXes, and what the silos' PBX connections warned about.</summary>
    private void PrintWhatHappened(SimulatorFleet fleet, SiloCluster cluster)
    {
        foreach (var hangup in fleet.Pbxes.SelectMany(p => p.Log.Hangups))
        {
            output.WriteLine($"  {hangup.ChannelId}: ended by {hangup.Source}, answered {hangup.Answered}, cause {hangup.Cause} at {hangup.At:HH:mm:ss.fff}");
        }

        foreach (var line in cluster.Silos.SelectMany(s => s.Output.Split(Environment.NewLine)).Where(l => l.Contains("Pbx", StringComparison.Ordinal) && l.Contains("Warning", StringComparison.Ordinal)))
        {
            output.WriteLine($"  {line[..Math.Min(line.Length, 400)]}");
        }
    }

    /// <summary>Every call and try has an outcome, and no phone is left ringing or connected.</summary>
    private static void AssertNothingLeftOpen(SimulatorFleet fleet, AlertView alert)
    {
        Assert.All(alert.Calls, c => Assert.NotNull(c.Outcome));
        Assert.All(alert.Calls.SelectMany(c => c.Tries), t => Assert.True(t is { EndedAt: not null, Outcome: not null }, $"{t.ChannelId} has no outcome"));
        var hungUp = fleet.Pbxes.SelectMany(p => p.Log.Hangups).Select(h => h.ChannelId).ToHashSet();
        Assert.All(fleet.Pbxes.SelectMany(p => p.Log.Originates).Where(o => o.StatusCode == 200), o => Assert.Contains(o.ChannelId, hungUp));
    }
}
