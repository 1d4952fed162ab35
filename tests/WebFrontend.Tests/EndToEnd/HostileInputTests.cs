using System.Net;
using System.Text;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.EndToEnd;

/// <summary>Malformed and hostile bodies: each gets a 4xx naming what is wrong, nothing is stored, and intake keeps working.</summary>
[Collection(SharedIntakeApp.Name)]
public sealed class HostileInputTests(SharedIntakeApp.App app)
{
    private const string Alerts = "/api/v1/alerts";
    private const string Enqueue = "/v2/enqueue";
    private const string Alertmanager = "/api/v1/integrations/alertmanager";
    private const string Grafana = "/api/v1/integrations/grafana";
    private const string Json = "application/json";

    public static TheoryData<string, string, string?, string, int, string?> Bodies => new()
    {
        { "wrong type", Alerts, Json, """{"summary":42,"severity":"critical","action":"trigger"}""", 400, "summary" },
        { "array for a string", Alerts, Json, """{"summary":"x","severity":["critical"],"action":"trigger"}""", 400, "severity" },
        { "huge summary", Alerts, Json, $$$"""{"summary":"{{{new string('x', 20_000)}}}","severity":"critical","action":"trigger"}""", 400, "summary" },
        { "deep nesting", Alerts, Json, """{"summary":"x","severity":"critical","action":"trigger","details":""" + new string('[', 500) + new string(']', 500) + "}", 400, "details" },
        { "SQL in severity", Alerts, Json, """{"summary":"x","severity":"critical'; DROP TABLE OrleansStorage;--","action":"trigger"}""", 400, "severity" },
        { "HTML in action", Alerts, Json, """{"summary":"x","severity":"critical","action":"<script>alert(1)</script>"}""", 400, "action" },
        { "missing fields", Alerts, Json, "{}", 400, "action" },
        { "unknown property", Alerts, Json, """{"summary":"x","severity":"critical","action":"trigger","dedup_key":"k"}""", 400, "dedup_key" },
        { "duplicate property", Alerts, Json, """{"summary":"x","severity":"critical","action":"trigger","action":"resolve"}""", 400, "action" },
        { "lone surrogate", Alerts, Json, """{"summary":"\udc00","severity":"critical","action":"trigger"}""", 400, "summary" },
        { "null body", Alerts, Json, "null", 400, null },
        { "empty body", Alerts, Json, "", 400, null },
        { "truncated JSON", Alerts, Json, """{"summary":"x","severity":""", 400, null },
        { "text/plain", Alerts, "text/plain", """{"summary":"x","severity":"critical","action":"trigger"}""", 415, null },
        { "no content type", Alerts, null, """{"summary":"x","severity":"critical","action":"trigger"}""", 415, null },
        { "UTF-16 charset", Alerts, "application/json; charset=utf-16", """{"summary":"x","severity":"critical","action":"trigger"}""", 415, null },
        { "pagerduty missing summary", Enqueue, Json, """{"routing_key":"ROUTING_KEY","event_action":"trigger","payload":{"source":"h","severity":"critical"}}""", 400, "payload.summary" },
        { "pagerduty action of wrong type", Enqueue, Json, """{"routing_key":"ROUTING_KEY","event_action":1}""", 400, "event_action" },
        { "pagerduty no routing key", Enqueue, Json, """{"event_action":"trigger","payload":{"summary":"s","source":"h","severity":"critical"}}""", 400, "routing_key" },
        { "alertmanager alerts not a list", Alertmanager, Json, """{"version":"4","status":"firing","alerts":{"status":"firing"}}""", 400, "alerts" },
        { "alertmanager pending status", Alertmanager, Json, """{"version":"4","alerts":[{"status":"pending","labels":{"alertname":"x"}}]}""", 400, "alerts[0].status" },
        { "grafana label of wrong type", Grafana, Json, """{"alerts":[{"status":"firing","labels":{"severity":1}}]}""", 400, "alerts[0].labels.severity" },
        { "grafana XML", Grafana, "application/xml", "<alerts><alert status=\"firing\"/></alerts>", 415, null },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Post_HostileBody_4xxNothingStoredAndIntakeKeepsWorking(string what, string path, string? contentType, string body, int status, string? field)
    {
        var (_, key, client) = await app.NewProjectAsync();
        var before = await app.StoredAlertRowsAsync();

        var response = await client.PostBytesAsync(path, Encoding.UTF8.GetBytes(body.Replace("ROUTING_KEY", key, StringComparison.Ordinal)), contentType);

        Assert.True(status == (int)response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (field is not null)
        {
            Assert.Contains(field, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await app.StoredAlertRowsAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await client.TriggerAsync($"after {what}")).StatusCode);
    }

    [Fact]
    public async Task Post_InvalidUtf8_400AndNothingStored()
    {
        var (_, _, client) = await app.NewProjectAsync();
        var before = await app.StoredAlertRowsAsync();
        byte[] body = [.. "{\"summary\":\""u8, 0xFF, 0xFE, 0xC0, .. "\",\"severity\":\"critical\",\"action\":\"trigger\"}"u8];

        var response = await client.PostBytesAsync(Alerts, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.StoredAlertRowsAsync());
    }

    [Theory]
    [InlineData(Alerts)]
    [InlineData(Enqueue)]
    [InlineData(Alertmanager)]
    public async Task Post_BodyOver64KiB_413AndNothingStored(string path)
    {
        var (_, key, client) = await app.NewProjectAsync();
        var before = await app.StoredAlertRowsAsync();
        var body = $$$"""{"routing_key":"{{{key}}}","summary":"{{{new string('x', 70_000)}}}"}""";

        var response = await client.PostBytesAsync(path, Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await app.StoredAlertRowsAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await client.TriggerAsync("after oversized")).StatusCode);
    }
}
