using System.Net.Http.Json;
using System.Text.Json;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>The real Silo process for a benchmark, with one seeded project and its API key.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly TempFolder _data;

    private BenchSilo(HostProcess process, TempFolder data, string apiKey)
    {
        Process = process;
        _data = data;
        ApiKey = apiKey;
    }

    public HostProcess Process { get; }

    public string ApiKey { get; }

    public static async Task<BenchSilo> StartAsync(Dictionary<string, string?> settings, IReadOnlyList<string> contacts)
    {
        var data = new TempFolder();
        var all = new Dictionary<string, string?>(settings)
        {
            ["Storage:DataFolder"] = data.Path,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Intake:PermitsPerSecond"] = "1000000",
            ["NumberLimits:MaxCalls"] = "1000",
            ["NumberLimits:Window"] = "00:00:01",
            ["Pbx:HealthCheckInterval"] = "00:00:00.500",
        };
        var process = HostProcess.Start("Silo", all);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var silo = new BenchSilo(process, data, "");
        return new BenchSilo(process, data, await silo.CreateProjectAsync("bench", contacts));
    }

    /// <summary>Creates a project through the admin API; returns its API key.</summary>
    public async Task<string> CreateProjectAsync(string name, IReadOnlyList<string> contacts)
    {
        var token = (await File.ReadAllTextAsync(Path.Combine(_data.Path, "admin-token"))).Trim();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/projects")
        {
            Content = JsonContent.Create(new { name, contacts, ringTimeoutSeconds = 30, stepDelaySeconds = 30, repeats = 1 }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Process.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
    }

    /// <summary>One alert trigger with a new dedup key; returns the alert id from the 202.</summary>
    public async Task<string> TriggerAsync(HttpClient http, string dedupKey, string summary = "Benchmark alert")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts")
        {
            Content = JsonContent.Create(new { summary, severity = "critical", action = "trigger", dedupKey }),
        };
        request.Headers.Authorization = new("Bearer", ApiKey);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            // The silo logs why (at Warning and above); the benchmark reports it beside the count of failed triggers.
            var why = Process.Output.Split(Environment.NewLine).LastOrDefault(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)) ?? "";
            throw new HttpRequestException($"Trigger answered {(int)response.StatusCode}. {why[..Math.Min(why.Length, 600)]}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString()!;
    }

    /// <summary>Waits until an alert really rings: the PBXes are healthy and every path is warm.</summary>
    public async Task WaitUntilRingingAsync(SimulatorFleet fleet, HttpClient http)
    {
        var alertId = await TriggerAsync(http, $"probe-{Guid.NewGuid():N}");
        await Eventually.ReachesAsync(() => Task.FromResult(fleet.Pbxes.Any(p => p.Log.Originates.Any(o => o.ChannelId.StartsWith(alertId + "-", StringComparison.Ordinal)))),
            rang => rang, TimeSpan.FromSeconds(60), "a probe alert ringing");
    }

    /// <summary>The sum of a metric's series on the silo's /metrics (e.g. Orleans' activations, or its grain requests).</summary>
    public static async Task<double> MetricSumAsync(HttpClient http, string name) =>
        (await http.GetStringAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Originates the simulated fleet has received so far.</summary>
    public static int Originates(SimulatorFleet fleet) => fleet.Pbxes.Sum(p => p.Log.Originates.Count);

    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Process.ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _data.Dispose();
    }
}
