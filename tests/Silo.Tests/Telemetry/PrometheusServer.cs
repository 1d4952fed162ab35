using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Telemetry;

/// <summary>A real Prometheus (Debian's package) scraping one CallPing process every second, and its query API.</summary>
public sealed class PrometheusServer : IDisposable
{
    private const string Binary = "/usr/bin/prometheus";

    private readonly TempFolder _data = new();
    private readonly Process _process;
    private readonly HttpClient _api;

    public PrometheusServer(Uri target)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install the Debian package prometheus (test.sh does).");
        var config = Path.Combine(_data.Path, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: callping
                static_configs:
                  - targets: ['127.0.0.1:{target.Port}']
            """);
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Binary,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_data.Path, "tsdb")}", $"--web.listen-address=127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        // Read and dropped, so that a full pipe cannot stall Prometheus.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Waits until the target has been scraped successfully.</summary>
    public Task WaitUntilScrapingAsync() =>
        Eventually.ReachesAsync(TargetHealthAsync, health => health == "up", TimeSpan.FromSeconds(30), "the target's health in Prometheus");

    /// <summary>The series an expression answers with right now (empty when the metrics it reads do not exist).</summary>
    public async Task<IReadOnlyList<double>> QueryAsync(string expression)
    {
        using var answer = JsonDocument.Parse(await _api.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(expression)}"));
        var data = answer.RootElement.GetProperty("data");
        return [.. data.GetProperty("result").EnumerateArray().Select(r => double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture))];
    }

    /// <summary>The latest scraped value of an expression; no series yet (nothing counted) reads as 0.</summary>
    public async Task<double> ValueAsync(string expression) => (await QueryAsync(expression)) is [var first, ..] ? first : 0;

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _api.Dispose();
        _data.Dispose();
    }

    private async Task<string> TargetHealthAsync()
    {
        try
        {
            using var targets = JsonDocument.Parse(await _api.GetStringAsync("/api/v1/targets"));
            var active = targets.RootElement.GetProperty("data").GetProperty("activeTargets");
            return active.GetArrayLength() == 0 ? "no target yet" : active[0].GetProperty("health").GetString() ?? "";
        }
        catch (HttpRequestException e)
        {
            return $"Prometheus not answering ({e.Message})";
        }
    }
}
