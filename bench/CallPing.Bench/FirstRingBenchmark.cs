using System.Collections.Concurrent;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>
/// Alert to first ring: from the 202 of a new alert to the simulated PBX receiving its first originate, at a
/// fixed rate of alerts per second, on the real Silo process (SQLite) with five simulated PBXes.
/// </summary>
public static class FirstRingBenchmark
{
    private const string Contact = "+15550100";

    public static async Task RunAsync(double perSecond, TimeSpan duration)
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Contact, PhoneScript.Busy());
        await using var silo = await BenchSilo.StartAsync(fleet.Settings(), [Contact]);
        using var http = new HttpClient { BaseAddress = silo.Process.BaseAddress };
        await silo.WaitUntilRingingAsync(fleet, http);

        var accepted = new ConcurrentDictionary<string, DateTimeOffset>();
        var intake = await Load.AtRateAsync(perSecond, duration, async i =>
        {
            var alertId = await silo.TriggerAsync(http, $"ring-{perSecond}-{i}");
            accepted[alertId] = DateTimeOffset.UtcNow;
        });
        await Eventually.ReachesAsync(() => Task.FromResult(accepted.Keys.Count(RangFor)), n => n == accepted.Count, TimeSpan.FromSeconds(60), "first rings");

        var rings = accepted.Select(a => FirstOriginate(a.Key) - a.Value).Select(d => d < TimeSpan.Zero ? TimeSpan.Zero : d).ToList();
        Console.WriteLine($"| alert -> first ring at {perSecond:0} alerts/s (202 to originate at the PBX) | {Percentiles.Of(rings)} | intake latency {intake} |");

        bool RangFor(string alertId) => fleet.Pbxes.Any(p => p.Log.Originates.Any(o => o.ChannelId.StartsWith(alertId + "-", StringComparison.Ordinal)));

        DateTimeOffset FirstOriginate(string alertId) =>
            fleet.Pbxes.SelectMany(p => p.Log.Originates).Where(o => o.ChannelId.StartsWith(alertId + "-", StringComparison.Ordinal)).Min(o => o.At);
    }
}
