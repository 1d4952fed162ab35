using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Telemetry;

/// <summary>/metrics as operators use it: a real Prometheus (Debian's package) scrapes a real Silo process.</summary>
public sealed class MetricsTests : IDisposable
{
    private const string PrometheusBinary = "/usr/bin/prometheus";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();
    private readonly TempFolder _prometheusData = new();

    public void Dispose()
    {
        _prometheusData.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Metrics_ScrapedByPrometheus_AlertCounterRisesByTheAlertsSentAndOrleansMetricsAreThere()
    {
        const int alerts = 5;
        Assert.True(File.Exists(PrometheusBinary), $"{PrometheusBinary} is missing: install the Debian package prometheus (test.sh does).");
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path });
        await silo.WaitUntilReadyAsync(StartTimeout);
        var key = await CreateProjectKeyAsync(silo);
        using var prometheus = StartPrometheus(silo.BaseAddress, out var prometheusAddress);
        using var api = new HttpClient { BaseAddress = prometheusAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.ReachesAsync(() => TargetHealthAsync(api), health => health == "up", TimeSpan.FromSeconds(30), "the Silo target's health in Prometheus");
            var before = await ApiAlertsAsync(api);

            await SendAlertsAsync(silo, key, alerts);

            var after = await Eventually.ReachesAsync(() => ApiAlertsAsync(api), value => value >= before + alerts, TimeSpan.FromSeconds(15),
                $"callping_alerts_received_total{{source=\"api\"}} in Prometheus (was {before} before {alerts} alerts)");
            Assert.Equal(before + alerts, after);
            // Each alert's first originate on the simulated fleet is timed once (a call that found no PBX yet is retried).
            await Eventually.ReachesAsync(() => FirstRingCountAsync(silo), count => count == alerts, TimeSpan.FromSeconds(30),
                "callping_alert_first_ring_seconds_count on the Silo's /metrics");
            // Orleans' own meter comes through the same endpoint: the silo holds at least the alerts' grains.
            await Eventually.ReachesAsync(() => QueryAsync(api, "sum(orleans_catalog_activations)"), value => value >= alerts, TimeSpan.FromSeconds(15),
                "orleans_catalog_activations in Prometheus");
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
        }
    }

    private Process StartPrometheus(Uri silo, out Uri address)
    {
        var config = Path.Combine(_prometheusData.Path, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: callping
                static_configs:
                  - targets: ['127.0.0.1:{silo.Port}']
            """);
        var port = FreePort.Next();
        address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(PrometheusBinary,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_prometheusData.Path, "tsdb")}", $"--web.listen-address=127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        // Read and dropped, so that a full pipe cannot stall Prometheus.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<string> CreateProjectKeyAsync(HostProcess silo)
    {
        var token = await File.ReadAllTextAsync(Path.Combine(_data.Path, "admin-token"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/projects")
        {
            Content = JsonContent.Create(new { name = "metrics", contacts = new[] { "+15550100100" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        using var response = await silo.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("apiKey").GetString()!;
    }

    private static async Task SendAlertsAsync(HostProcess silo, string key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts")
            {
                Content = JsonContent.Create(new { summary = "disk full", severity = "critical", action = "trigger", dedupKey = $"metrics-{i}" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await silo.Http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task<string> TargetHealthAsync(HttpClient api)
    {
        try
        {
            using var targets = JsonDocument.Parse(await api.GetStringAsync("/api/v1/targets"));
            var active = targets.RootElement.GetProperty("data").GetProperty("activeTargets");
            return active.GetArrayLength() == 0 ? "no target yet" : active[0].GetProperty("health").GetString() ?? "";
        }
        catch (HttpRequestException e)
        {
            return $"Prometheus not answering ({e.Message})";
        }
    }

    private static async Task<double> FirstRingCountAsync(HostProcess silo)
    {
        // "callping_alert_first_ring_seconds_count{otel_scope_name="CallPing"} 5": the exporter labels every series with its meter.
        var line = (await silo.Http.GetStringAsync("/metrics")).Split('\n').FirstOrDefault(l => l.StartsWith("callping_alert_first_ring_seconds_count", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    private static Task<double> ApiAlertsAsync(HttpClient api) => QueryAsync(api, "sum(callping_alerts_received_total{source=\"api\"})");

    /// <summary>The latest scraped value of an expression; no series yet (nothing counted) reads as 0.</summary>
    private static async Task<double> QueryAsync(HttpClient api, string expression)
    {
        var query = Uri.EscapeDataString(expression);
        using var answer = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/query?query={query}"));
        var result = answer.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }
}
