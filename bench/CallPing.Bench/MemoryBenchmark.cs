using System.Net;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>
/// Resident memory of the Silo process holding 100,000 alert grains: each activated by a GET of its alert (state
/// read, none found), then left idle. Baseline in the same run: the same process before the activations. Orleans'
/// own activation count (orleans_catalog_activations on /metrics) confirms that the grains are held.
/// </summary>
public static class MemoryBenchmark
{
    public static async Task RunAsync(int grains)
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        await using var silo = await BenchSilo.StartAsync(fleet.Settings(), ["+15550100"]);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = silo.Process.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", silo.ApiKey);
        await silo.WaitUntilRingingAsync(fleet, http);
        await Task.Delay(3000);
        var before = silo.ResidentBytes();
        var activationsBefore = await ActivationsAsync(http);

        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i <= grains; i = Interlocked.Increment(ref next))
            {
                using var response = await http.GetAsync($"/api/v1/alerts/a{i:x16}");
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    throw new InvalidOperationException($"GET of an unknown alert answered {response.StatusCode}.");
                }
            }
        })));
        await Task.Delay(5000);
        var after = silo.ResidentBytes();
        var activationsAfter = await ActivationsAsync(http);

        Console.WriteLine($"| Silo resident memory before (baseline) | {before / 1048576.0:0} MiB, {activationsBefore:0} activations |");
        Console.WriteLine($"| with {grains:N0} idle alert grains | {after / 1048576.0:0} MiB, {activationsAfter:0} activations | {(after - before) / (double)grains:0} bytes per grain |");
    }

    /// <summary>Grain activations in the silo, as Orleans counts them.</summary>
    private static Task<double> ActivationsAsync(HttpClient http) => BenchSilo.MetricSumAsync(http, "orleans_catalog_activations");
}
