using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests.Pbx;

/// <summary>The PBX fleet end to end: a worker silo drives five simulated PBXes over real ARI.</summary>
public sealed class PbxFleetTests(ITestOutputHelper output)
{
    private const string BusyNumber = "+15550100";
    private const string FlakyTrunkNumber = "+15550101";
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ThousandCalls_FiveHealthyPbxes_EachPbxGets200()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(BusyNumber, PhoneScript.Busy());
        await using var silo = await WorkerSilo.StartAsync(fleet.Settings());
        await AllHealthyAsync(silo, SimulatorFleet.Providers.Length);

        // A hundred callers at a time, as alerts arrive in a storm: a thousand asked in the same instant would measure how
        // a two-core test machine queues them (timeouts, then failovers), not how the router spreads them.
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 100 },
            async (i, _) => await PlaceAsync(silo, $"load-{i}", BusyNumber));
        await Eventually.ReachesAsync(() => Task.FromResult(fleet.Pbxes.Sum(p => p.Log.Originates.Count)), n => n >= 1000, TimeSpan.FromSeconds(90), "originates");
        await Task.Delay(500);
        var views = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => silo.Grains.GetGrain<ICallGrain>($"load-{i}").GetAsync()));

        // Busy is the callee's answer: no call is tried twice, so nobody's phone rings twice for one call.
        var triedAgain = views.Where(v => v.Tries.Count > 1).Select(v => $"{v.CallId}: {string.Join(" / ", v.Tries.Select(t => $"{t.PbxId} {t.Outcome} {t.Detail}"))}");
        Assert.True(fleet.Pbxes.Sum(p => p.Log.Originates.Count) == 1000, string.Join("\n", triedAgain));
        var health = await Task.WhenAll(SimulatorFleet.Providers.Select((_, i) => silo.Grains.GetGrain<IPbxGrain>(SimulatorFleet.IdOf(i)).GetHealthAsync()));
        Assert.True(fleet.Pbxes.All(p => p.Log.Originates.Count is >= 199 and <= 201),
            string.Join("\n", fleet.Pbxes.Select((p, i) => $"{SimulatorFleet.IdOf(i)}: {p.Log.Originates.Count} calls; {health[i].Status}, errors: {string.Join(" | ", health[i].LastErrors)}")));
    }

    [Fact]
    public async Task PbxDownMidRun_GetsNoCallsAfter6s_AndGetsThemAgainWithin15sOfComingBack()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(BusyNumber, PhoneScript.Busy());
        await using var silo = await WorkerSilo.StartAsync(fleet.Settings());
        await AllHealthyAsync(silo, SimulatorFleet.Providers.Length);
        using var stop = new CancellationTokenSource();
        var calls = new List<string>();
        var placing = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await PlaceAsync(silo, $"steady-{i}", BusyNumber);
                lock (calls)
                {
                    calls.Add($"steady-{i}");
                }

                await Task.Delay(50);
            }
        });
        await Task.Delay(1000);

        var downAt = DateTimeOffset.UtcNow;
        await fleet["pbx-3"].StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        var upAt = DateTimeOffset.UtcNow;
        await fleet["pbx-3"].StartAsync();
        await Eventually.ReachesAsync(() => Task.FromResult(fleet["pbx-3"].Log.Originates.Any(o => o.At > upAt)), back => back, TimeSpan.FromSeconds(15), "calls on pbx-3 after it came back");
        var backAfter = fleet["pbx-3"].Log.Originates.First(o => o.At > upAt).At - upAt;
        await stop.CancelAsync();
        await placing;
        var views = await Task.WhenAll(calls.Select(id => silo.Grains.GetGrain<ICallGrain>(id).GetAsync()));

        var routedToDownPbxLate = views.SelectMany(v => v.Tries).Where(t => t.PbxId == "pbx-3" && t.RoutedAt > downAt.AddSeconds(6) && t.RoutedAt < upAt).ToList();
        var lastRoutedWhileDown = views.SelectMany(v => v.Tries).Where(t => t.PbxId == "pbx-3" && t.RoutedAt > downAt && t.RoutedAt < upAt).Select(t => t.RoutedAt - downAt).DefaultIfEmpty().Max();
        output.WriteLine($"{views.Length} calls; last try routed to pbx-3 {lastRoutedWhileDown.TotalMilliseconds:0} ms after it went down; it got calls again {backAfter.TotalMilliseconds:0} ms after it came back");
        Assert.Empty(routedToDownPbxLate);
        Assert.All(views.Where(v => v.Status != CallStatus.Dialing), v => Assert.Equal(CallOutcome.Busy, v.Outcome));
    }

    [Fact]
    public async Task TrunkFailure_OnFirstTry_IsPlacedAgainAtOnceOnAnotherProvider()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(FlakyTrunkNumber, PhoneScript.Busy());
        fleet.Script(FlakyTrunkNumber, PhoneScript.TrunkFailure(34), "pbx-1", "pbx-2");
        await using var silo = await WorkerSilo.StartAsync(fleet.Settings());
        await AllHealthyAsync(silo, SimulatorFleet.Providers.Length);

        var ids = Enumerable.Range(0, 5).Select(i => $"failover-{i}").ToList();
        foreach (var id in ids)
        {
            await PlaceAsync(silo, id, FlakyTrunkNumber);
        }

        var views = await Task.WhenAll(ids.Select(id => Eventually.ReachesAsync(() => silo.Grains.GetGrain<ICallGrain>(id).GetAsync(),
            v => v.Status == CallStatus.Ended, TimeSpan.FromSeconds(20), $"call {id}")));
        var failedOver = views.Where(v => v.Tries[0].Provider == "a").ToList();

        Assert.NotEmpty(failedOver);
        foreach (var call in failedOver)
        {
            var (first, second) = (call.Tries[0], call.Tries[1]);
            var failedAt = fleet[first.PbxId].Log.Hangups.Single(h => h.ChannelId == first.ChannelId).At;
            var placedAgainAt = fleet[second.PbxId].Log.Originates.Single(o => o.ChannelId == second.ChannelId).At;
            output.WriteLine($"{call.CallId}: {first.PbxId} failed (cause {first.Cause}); {second.PbxId} originated {(placedAgainAt - failedAt).TotalMilliseconds:0.0} ms later");
            Assert.Equal((CallOutcome.TrunkFailure, 34), (first.Outcome, first.Cause));
            Assert.NotEqual("a", second.Provider);
            Assert.Equal(CallOutcome.Busy, call.Outcome);
            // The 100 ms target is measured in bench/ (a timed unit test would be noise on a shared machine); here "at
            // once" means without waiting for the try's 20 s ring timeout or the escalation's next step.
            Assert.True(placedAgainAt - failedAt < TimeSpan.FromSeconds(5), $"placed again {(placedAgainAt - failedAt).TotalMilliseconds} ms after the failure");
        }
    }

    [Fact]
    public async Task BadAriInput_GarbageEvents401And500_AreLoggedAndSurvived()
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(BusyNumber, PhoneScript.Busy());
        var settings = fleet.Settings((i, pbx) =>
        {
            if (i == 3)
            {
                pbx["DialEndpoint"] = "PJSIP/{number}@no-such-trunk";
            }

            if (i == 4)
            {
                pbx["Password"] = "wrong";
            }
        });
        await using var silo = await WorkerSilo.StartAsync(settings);
        await AllHealthyAsync(silo, 4);

        fleet["pbx-1"].SendRawEvent("callping", "{ this is not json");
        fleet["pbx-1"].SendRawEvent("callping", """{"type":"SomethingNewInAsterisk30","application":"callping"}""");
        var views = new List<CallView>();
        for (var i = 0; i < 8; i++)
        {
            await PlaceAsync(silo, $"hostile-{i}", BusyNumber);
        }

        for (var i = 0; i < 8; i++)
        {
            views.Add(await Eventually.ReachesAsync(() => silo.Grains.GetGrain<ICallGrain>($"hostile-{i}").GetAsync(),
                v => v.Status == CallStatus.Ended, TimeSpan.FromSeconds(20), $"call hostile-{i}"));
        }

        var wrongPassword = await silo.Grains.GetGrain<IPbxGrain>("pbx-5").GetHealthAsync();
        var wrongTrunk = await silo.Grains.GetGrain<IPbxGrain>("pbx-4").GetHealthAsync();
        Assert.All(views, v => Assert.Equal(CallOutcome.Busy, v.Outcome));
        Assert.DoesNotContain(views.SelectMany(v => v.Tries), t => t.PbxId == "pbx-5");
        Assert.Contains(views.SelectMany(v => v.Tries), t => t.PbxId == "pbx-1");
        Assert.Equal(PbxStatus.Down, wrongPassword.Status);
        Assert.Contains(wrongPassword.LastErrors, e => e.Contains("401"));
        Assert.True(wrongTrunk.TrunkFailures > 0);
        Assert.Contains(wrongTrunk.LastErrors, e => e.Contains("Allocation failed"));
    }

    private static Task<CallView> PlaceAsync(WorkerSilo silo, string callId, string number) =>
        silo.Grains.GetGrain<ICallGrain>(callId).PlaceAsync(new PlaceCallRequest(number, RingTimeout));

    private static Task AllHealthyAsync(WorkerSilo silo, int pbxes) =>
        Task.WhenAll(Enumerable.Range(0, pbxes).Select(i => Eventually.ReachesAsync(
            () => silo.Grains.GetGrain<IPbxGrain>(SimulatorFleet.IdOf(i)).GetHealthAsync(),
            h => h.Status == PbxStatus.Healthy, TimeSpan.FromSeconds(20), $"{SimulatorFleet.IdOf(i)} health")));
}
