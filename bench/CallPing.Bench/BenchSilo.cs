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
        var token = (await File.ReadAllTextAsync(Path.Combine(data.Path, "admin-token"))).Trim();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/projects")
        {
            Content = JsonContent.Create(new { name = "bench", contacts, ringTimeoutSeconds = 30, stepDelaySeconds = 30, repeats = 1 }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await process.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new BenchSilo(process, data, created.GetProperty("apiKey").GetString()!);
    }

    /// <summary>One alert trigger with a new dedup key; returns the alert id from the 202.</summary>
    public async Task<string> TriggerAsync(HttpClient http, string dedupKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts")
        {
            Content = JsonContent.Create(new { summary = "Benchmark alert", severity = "critical", action = "trigger", dedupKey }),
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
