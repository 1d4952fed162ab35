using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.EndToEnd;

/// <summary>Recorded payloads of PagerDuty clients, Alertmanager and Grafana, sent as those tools send them.</summary>
[Collection(SharedIntakeApp.Name)]
public sealed class IntegrationsTests(SharedIntakeApp.App app)
{
    [Fact]
    public async Task Enqueue_RecordedTriggerThenResolve_AlertTriggeredThenResolved()
    {
        var (_, key, client) = await app.NewProjectAsync();

        var triggered = await client.PostJsonTextAsync("/v2/enqueue", RecordedPayloads.WithKey("pagerduty-trigger.json", key));
        var alert = await (await client.TriggerAsync("samplekeyhere")).JsonAsync();
        var resolved = await client.PostJsonTextAsync("/v2/enqueue", RecordedPayloads.WithKey("pagerduty-resolve.json", key));

        Assert.Equal(HttpStatusCode.Accepted, triggered.StatusCode);
        Assert.Equal("""{"status":"success","message":"Event processed","dedup_key":"samplekeyhere"}""", await triggered.Content.ReadAsStringAsync());
        Assert.Equal((false, 2, "Triggered"), (alert.GetProperty("created").GetBoolean(), alert.GetProperty("count").GetInt32(), alert.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, resolved.StatusCode);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alert.GetProperty("alertId").GetString()}");
        Assert.Equal(("Resolved", "pagerduty", "Info"), (view.GetProperty("status").GetString(), view.GetProperty("origin").GetString(), view.GetProperty("severity").GetString()));
    }

    [Theory]
    [InlineData("pagerduty-from-alertmanager.json")]
    [InlineData("pagerduty-from-grafana.json")]
    public async Task Enqueue_ToolsOwnPagerDutyEvents_Accepted(string recorded)
    {
        var (_, key, client) = await app.NewProjectAsync();

        var response = await client.PostJsonTextAsync("/v2/enqueue", RecordedPayloads.WithKey(recorded, key));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("success", (await response.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Enqueue_UnknownRoutingKey_400InPagerDutysShapeAndNothingStored()
    {
        var client = app.CreateClient();
        var before = await app.StoredAlertRowsAsync();

        var response = await client.PostJsonTextAsync("/v2/enqueue", RecordedPayloads.WithKey("pagerduty-trigger.json", "cp_live_unknown"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(("invalid event", "Event object is invalid"), (body.GetProperty("status").GetString(), body.GetProperty("message").GetString()));
        Assert.StartsWith("routing_key", body.GetProperty("errors")[0].GetString());
        Assert.Equal(before, await app.StoredAlertRowsAsync());
    }

    [Fact]
    public async Task AlertmanagerWebhook_FiringThenResolved_AlertTriggeredThenResolved()
    {
        var (_, _, client) = await app.NewProjectAsync();

        var firing = await client.PostJsonTextAsync("/api/v1/integrations/alertmanager", RecordedPayloads.Text("alertmanager-firing.json"));
        var firingResults = (await firing.JsonAsync()).GetProperty("results");
        var alertId = firingResults[0].GetProperty("alertId").GetString();
        var whileFiring = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alertId}");
        var resolved = await client.PostJsonTextAsync("/api/v1/integrations/alertmanager", RecordedPayloads.Text("alertmanager-resolved.json"));

        Assert.Equal(HttpStatusCode.Accepted, firing.StatusCode);
        Assert.Equal(2, firingResults.GetArrayLength());
        Assert.Equal(("Triggered", "alertmanager", "Critical", "1a30ba71cca2921f"),
            (whileFiring.GetProperty("status").GetString(), whileFiring.GetProperty("origin").GetString(), whileFiring.GetProperty("severity").GetString(), whileFiring.GetProperty("dedupKey").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, resolved.StatusCode);
        var resolvedResult = (await resolved.JsonAsync()).GetProperty("results")[0];
        Assert.Equal((alertId, "Resolved"), (resolvedResult.GetProperty("alertId").GetString(), resolvedResult.GetProperty("status").GetString()));
        Assert.Equal("Resolved", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alertId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task GrafanaWebhook_RecordedExample_OneGrafanaAlertPerAlert()
    {
        var (_, _, client) = await app.NewProjectAsync();

        var response = await client.PostJsonTextAsync("/api/v1/integrations/grafana", RecordedPayloads.Text("grafana-firing.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var results = (await response.JsonAsync()).GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{results[1].GetProperty("alertId").GetString()}");
        Assert.Equal(("grafana", "This alert was triggered for zone eu-1"), (alert.GetProperty("origin").GetString(), alert.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Webhooks_UnknownKey_401()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "cp_live_nobody");

        var alertmanager = await client.PostJsonTextAsync("/api/v1/integrations/alertmanager", RecordedPayloads.Text("alertmanager-firing.json"));
        var grafana = await client.PostJsonTextAsync("/api/v1/integrations/grafana", RecordedPayloads.Text("grafana-firing.json"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (alertmanager.StatusCode, grafana.StatusCode));
    }
}
