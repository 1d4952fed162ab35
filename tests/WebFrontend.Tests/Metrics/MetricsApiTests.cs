using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CallPing.TestSupport;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Metrics;

/// <summary>GET /metrics on the real Silo app, after real intake requests.</summary>
[Collection(SharedIntakeApp.Name)]
public sealed partial class MetricsApiTests(SharedIntakeApp.App app)
{
    [Fact]
    public async Task GetMetrics_AfterAlertsArrive_CountsThemBySourceInTheTextFormat()
    {
        var (_, _, client) = await app.NewProjectAsync();
        var before = ApiAlerts(await client.GetStringAsync("/metrics"));

        for (var i = 0; i < 3; i++)
        {
            using var sent = await client.PostAsJsonAsync("/api/v1/alerts", new { summary = "disk full", severity = "critical", action = "trigger", dedupKey = $"metrics-{Guid.NewGuid():N}" });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        // Other tests share the app and send alerts too: at least our three arrived.
        Assert.True(ApiAlerts(text) >= before + 3, text);
        Assert.Contains("# TYPE callping_alerts_received_total counter", text);
    }

    [Fact]
    public async Task GetMetrics_AfterARequest_HasItsDurationWithRouteAndStatusLabels()
    {
        using var client = app.CreateClient();
        using var health = await client.GetAsync("/healthz");

        var text = await client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Matches(HealthzBucket(), text);
    }

    [Fact]
    public async Task GetMetrics_AfterAnAlertActivatedGrains_HasOrleansActivationCount()
    {
        var (_, _, client) = await app.NewProjectAsync();
        using var sent = await client.TriggerAsync($"orleans-{Guid.NewGuid():N}");

        var text = await client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Contains("# TYPE orleans_catalog_activations gauge", text);
        // The project, key, dedup and alert grains at least are active in this silo.
        Assert.True(Activations(text) >= 4, text);
    }

    private static double ApiAlerts(string text) => MetricsText.Sum(text, "callping_alerts_received_total", ("source", "api"));

    private static double Activations(string text) => MetricsText.Sum(text, "orleans_catalog_activations");

    [GeneratedRegex("http_server_request_duration_seconds_bucket\\{[^}]*http_response_status_code=\"200\"[^}]*http_route=\"/healthz\"[^}]*le=\"\\+Inf\"\\} [1-9]")]
    private static partial Regex HealthzBucket();
}
