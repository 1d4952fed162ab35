using System.Collections.Concurrent;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>
/// Alert to first ring: to the simulated PBX receiving a new alert's first originate, at a fixed rate of alerts per
/// second, on the real Silo process (SQLite) with five simulated PBXes. Two clocks: from the 202 (the target's measure;
/// the first call is placed after the answer, in the alert's next turn, and may even reach the PBX before the 202
/// reaches the client, which counts as zero) and from sending the trigger (which adds the 202's own latency).
/// </summary>
public static class FirstRingBenchmark
{
    private const string Contact = "+15550100";

    /// <param name="perSecond">Alerts sent per second.</param>
    /// <param name="duration">How long alerts are sent.</param>
    /// <param name="speech">
    /// Calls speak (Pbx:MediaBaseUrl set) and every alert has a summary of its own, so that each alert is one rendering
    /// more, started after its first dial: the worst case for what speech could cost the first ring.
    /// </param>
    public static async Task RunAsync(double perSecond, TimeSpan duration, bool speech = false)
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Contact, PhoneScript.Busy());
        var settings = fleet.Settings();
        if (speech)
        {
            settings["Pbx:MediaBaseUrl"] = CallPing.TestSupport.HostProcess.OwnAddress;
        }

        await using var silo = await BenchSilo.StartAsync(settings, [Contact]);
        using var http = new HttpClient { BaseAddress = silo.Process.BaseAddress };
        await silo.WaitUntilRingingAsync(fleet, http);

        var sent = new ConcurrentDictionary<string, (DateTimeOffset Sent, DateTimeOffset Answered)>();
        var intake = await Load.AtRateAsync(perSecond, duration, async i =>
        {
            var sentAt = DateTimeOffset.UtcNow;
            var alertId = await silo.TriggerAsync(http, $"ring-{perSecond}-{i}", speech ? $"Disk {i} full on database server {i % 7}" : "Benchmark alert");
            sent[alertId] = (sentAt, DateTimeOffset.UtcNow);
        });
        // An alert whose first call is not placed within a minute is reported as such rather than ending the run.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (sent.Keys.Count(RangFor) < sent.Count && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        var rung = sent.Where(a => RangFor(a.Key)).ToList();
        var failed = sent.Count - rung.Count;
        Percentiles RingsAfter(Func<(DateTimeOffset Sent, DateTimeOffset Answered), DateTimeOffset> start) => Percentiles.Of(
            rung.Select(a => FirstOriginate(a.Key) - start(a.Value)).Select(d => d < TimeSpan.Zero ? TimeSpan.Zero : d).ToList())
            with { Failed = failed, FirstFailure = "not rung within 60 s" };
        Console.WriteLine($"| alert -> first ring at {perSecond:0} alerts/s{(speech ? ", speaking, a text per alert" : "")} (202 to originate at the PBX) | {RingsAfter(a => a.Answered)} | " +
            $"from the trigger sent: {RingsAfter(a => a.Sent)}; intake latency (to the 202) {intake} |");

        bool RangFor(string alertId) => fleet.Pbxes.Any(p => p.Log.Originates.Any(o => o.ChannelId.StartsWith(alertId + "-", StringComparison.Ordinal)));

        DateTimeOffset FirstOriginate(string alertId) =>
            fleet.Pbxes.SelectMany(p => p.Log.Originates).Where(o => o.ChannelId.StartsWith(alertId + "-", StringComparison.Ordinal)).Min(o => o.At);
    }
}
