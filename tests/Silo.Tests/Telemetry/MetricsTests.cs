using System.Net;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Telemetry;

/// <summary>/metrics as operators use it: a real Prometheus (Debian's package) scrapes a real Silo process.</summary>
public sealed class MetricsTests(MetricsSilo running) : IClassFixture<MetricsSilo>
{
    [Fact]
    public async Task Metrics_ScrapedByPrometheus_AlertCounterRisesByExactlyTheAlertsSentAndOrleansMetricsAreThere()
    {
        const int alerts = 5;
        var silo = running.Host;
        using var admin = new PublicApi(silo);
        var project = await admin.CreateProjectAsync("metrics", ["+15550100100"], ringTimeoutSeconds: 30, stepDelaySeconds: 60, repeats: 1);
        using var prometheus = new PrometheusServer(silo.BaseAddress);
        await prometheus.WaitUntilScrapingAsync();
        var before = await ApiAlertsAsync(prometheus);

        using var api = new PublicApi(silo, project.ApiKey);
        for (var i = 0; i < alerts; i++)
        {
            await api.TriggerAcceptedAsync($"metrics-{i}", "disk full");
        }

        await Eventually.ReachesAsync(() => ApiAlertsAsync(prometheus), value => value >= before + alerts, TimeSpan.FromSeconds(15),
            $"callping_alerts_received_total{{source=\"api\"}} in Prometheus (was {before} before {alerts} alerts)");
        // A few more scrapes: a counter that went on rising (an alert counted twice) would show here. Its highest value
        // of the last minute, as a scrape that timed out on a loaded machine leaves no current value, read as 0.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(before + alerts, await prometheus.ValueAsync("sum(max_over_time(callping_alerts_received_total{source=\"api\"}[1m]))"));
        // Each alert's first originate on the simulated fleet is timed once (a call that found no PBX yet is retried).
        await Eventually.ReachesAsync(() => FirstRingCountAsync(silo), count => count == alerts, TimeSpan.FromSeconds(30),
            "callping_alert_first_ring_seconds_count on the Silo's /metrics");
        // Orleans' own meter comes through the same endpoint: the silo holds the alerts' grains and wrote their state.
        await Eventually.ReachesAsync(() => prometheus.ValueAsync("sum(orleans_catalog_activations{grain_type=\"alert\"})"), value => value == alerts,
            TimeSpan.FromSeconds(15), "orleans_catalog_activations of alert grains in Prometheus");
        Assert.NotEmpty(await prometheus.QueryAsync("orleans_storage_write_latency_milliseconds_count{state_name=\"alert\"}"));
    }

    // In a process of its own: meters are process-wide, so in a test process hosting many apps one app's shutdown
    // retires the instruments the others' exporters read, and their series vanish from /metrics.
    [Fact]
    public async Task Metrics_AfterAProbe_TextFormatWithTheRequestDurationByRouteAndStatus()
    {
        var silo = running.Host;
        using var health = await silo.Http.GetAsync("/healthz");

        using var response = await silo.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        Assert.True(MetricsText.Sum(text, "http_server_request_duration_seconds_count", ("http_route", "/healthz"), ("http_response_status_code", "200")) >= 1, text);
    }

    private static async Task<double> FirstRingCountAsync(HostProcess silo) =>
        MetricsText.Sum(await silo.Http.GetStringAsync("/metrics"), "callping_alert_first_ring_seconds_count");

    private static Task<double> ApiAlertsAsync(PrometheusServer prometheus) => prometheus.ValueAsync("sum(callping_alerts_received_total{source=\"api\"})");
}
