using System.Diagnostics;
using CallPing.Ari;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>
/// Trunk failover: from the simulator raising a trunk failure (cause 34) on a try to the simulator receiving the
/// next try's originate on another PBX. Baseline in the same run: one bare ARI originate round trip to the simulator.
/// Also: from a PBX going down to it being marked down.
/// </summary>
public static class FailoverBenchmark
{
    private const string Number = "+15550142";

    public static async Task RunAsync(int calls)
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Number, PhoneScript.Busy());
        fleet.Script(Number, PhoneScript.TrunkFailure(34), "pbx-1", "pbx-2");
        await using var silo = await WorkerSilo.StartAsync(fleet.Settings());
        await AllHealthyAsync(silo);

        var baseline = await BaselineAsync(fleet, calls);
        var failover = await FailoverAsync(fleet, silo, calls);
        var markedDown = await MarkedDownAsync(fleet, silo, rounds: 5);

        Console.WriteLine($"| bare ARI originate round trip (baseline) | {baseline} |");
        Console.WriteLine($"| trunk failure event -> originate on another PBX | {failover} | p50 = {failover.P50 / baseline.P50:0.0} x baseline |");
        Console.WriteLine($"| PBX down (connections refused) -> marked down | {markedDown} |");
    }

    private static async Task<Percentiles> BaselineAsync(SimulatorFleet fleet, int calls)
    {
        var pbx = fleet["pbx-3"];
        using var client = new AriClient(new AriConnectionOptions(pbx.BaseUrl, pbx.Options.User, pbx.Options.Password, "bench"));
        var samples = new List<TimeSpan>();
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            await client.OriginateAsync(new OriginateRequest($"baseline-{i}", $"PJSIP/{Number}@{pbx.Options.Trunk}") { App = "bench" });
            samples.Add(clock.Elapsed);
        }

        return Percentiles.Of(samples);
    }

    private static async Task<Percentiles> FailoverAsync(SimulatorFleet fleet, WorkerSilo silo, int calls)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; samples.Count < calls; i++)
        {
            var call = silo.Grains.GetGrain<ICallGrain>($"bench-failover-{i}");
            await call.PlaceAsync(new PlaceCallRequest(Number, TimeSpan.FromSeconds(20)));
            var view = await Eventually.ReachesAsync(call.GetAsync, v => v.Status is CallStatus.Ended or CallStatus.NoPbxAvailable, TimeSpan.FromSeconds(20), "call");
            if (view.Tries is [{ Outcome: CallOutcome.TrunkFailure } first, var second, ..])
            {
                var failedAt = fleet[first.PbxId].Log.Hangups.Single(h => h.ChannelId == first.ChannelId).At;
                var placedAgainAt = fleet[second.PbxId].Log.Originates.Single(o => o.ChannelId == second.ChannelId).At;
                samples.Add(placedAgainAt - failedAt);
            }
        }

        return Percentiles.Of(samples);
    }

    private static async Task<Percentiles> MarkedDownAsync(SimulatorFleet fleet, WorkerSilo silo, int rounds)
    {
        var samples = new List<TimeSpan>();
        var health = silo.Grains.GetGrain<IPbxGrain>("pbx-5");
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await fleet["pbx-5"].StopAsync();
            await Eventually.ReachesAsync(health.GetHealthAsync, h => h.Status == PbxStatus.Down, TimeSpan.FromSeconds(30), "pbx-5 down");
            samples.Add(clock.Elapsed);
            await fleet["pbx-5"].StartAsync();
            await Eventually.ReachesAsync(health.GetHealthAsync, h => h.Status == PbxStatus.Healthy, TimeSpan.FromSeconds(30), "pbx-5 healthy");
        }

        return Percentiles.Of(samples);
    }

    private static Task AllHealthyAsync(WorkerSilo silo) =>
        Task.WhenAll(Enumerable.Range(0, SimulatorFleet.Providers.Length).Select(i => Eventually.ReachesAsync(
            () => silo.Grains.GetGrain<IPbxGrain>(SimulatorFleet.IdOf(i)).GetHealthAsync(),
            h => h.Status == PbxStatus.Healthy, TimeSpan.FromSeconds(30), "health")));
}
