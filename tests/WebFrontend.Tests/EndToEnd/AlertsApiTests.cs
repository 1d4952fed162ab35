using System.Net;
using System.Net.Http.Json;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.EndToEnd;

[Collection(SharedIntakeApp.Name)]
public sealed class AlertsApiTests(SharedIntakeApp.App app)
{
    [Fact]
    public async Task Trigger_ValidKey_202AfterStoringAndGetShowsTheAlert()
    {
        var (projectId, _, client) = await app.NewProjectAsync();

        var response = await client.PostJsonTextAsync("/api/v1/alerts",
            """{"summary":"Disk full on db-1","details":{"disk":"/var"},"source":"db-1","severity":"critical","dedupKey":"disk-db-1","action":"trigger"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.JsonAsync();
        var alertId = accepted.GetProperty("alertId").GetString()!;
        Assert.Equal(("disk-db-1", 1, true), (accepted.GetProperty("dedupKey").GetString(), accepted.GetProperty("count").GetInt32(), accepted.GetProperty("created").GetBoolean()));
        Assert.Equal($"/api/v1/alerts/{alertId}", response.Headers.Location?.OriginalString);
        var alert = await (await client.GetAsync($"/api/v1/alerts/{alertId}")).JsonAsync();
        Assert.Equal((projectId, "Disk full on db-1", "db-1", "api"),
            (alert.GetProperty("projectId").GetString(), alert.GetProperty("summary").GetString(), alert.GetProperty("source").GetString(), alert.GetProperty("origin").GetString()));
        Assert.Equal("""{"disk":"/var"}""", alert.GetProperty("detailsJson").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, alert.GetProperty("calls").ValueKind);
    }

    [Fact]
    public async Task Trigger_NoDedupKey_AnswersTheKeyItMade()
    {
        var (_, _, client) = await app.NewProjectAsync();

        var accepted = await (await client.PostJsonTextAsync("/api/v1/alerts", """{"summary":"CPU hot","severity":"warning","action":"trigger"}""")).JsonAsync();

        Assert.Matches("^[0-9a-f]{32}$", accepted.GetProperty("dedupKey").GetString());
    }

    [Fact]
    public async Task AcknowledgeThenResolve_ById_AlertFollows()
    {
        var (_, _, client) = await app.NewProjectAsync();
        var alertId = (await (await client.TriggerAsync("ack-then-resolve")).JsonAsync()).GetProperty("alertId").GetString();

        var acknowledged = await client.PostAsync($"/api/v1/alerts/{alertId}/acknowledge", null);
        var resolved = await client.PostAsync($"/api/v1/alerts/{alertId}/resolve", null);

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("api", (await acknowledged.JsonAsync()).GetProperty("acknowledgedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("Resolved", (await resolved.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetAcknowledgeResolve_AlertOfAnotherProject_404AndUntouched()
    {
        var (_, _, owner) = await app.NewProjectAsync();
        var (_, _, stranger) = await app.NewProjectAsync();
        var alertId = (await (await owner.TriggerAsync("not-yours")).JsonAsync()).GetProperty("alertId").GetString();

        var get = await stranger.GetAsync($"/api/v1/alerts/{alertId}");
        var resolve = await stranger.PostAsync($"/api/v1/alerts/{alertId}/resolve", null);
        var unknown = await owner.GetAsync("/api/v1/alerts/a0000000000000000");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, resolve.StatusCode, unknown.StatusCode));
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("Resolved", (await (await owner.GetAsync($"/api/v1/alerts/{alertId}")).JsonAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer cp_live_doesnotexist")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Trigger_UnknownOrMissingKey_401AndNothingStored(string? authorization)
    {
        var client = app.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var before = await app.StoredAlertRowsAsync();

        var response = await client.TriggerAsync("unauthorized");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(before, await app.StoredAlertRowsAsync());
    }

    [Fact]
    public async Task Trigger_RevokedKey_401()
    {
        var (projectId, _, client) = await app.NewProjectAsync();
        var project = app.Grains.GetGrain<CallPing.Grains.Interfaces.Projects.IProjectGrain>(projectId);
        var keyId = (await project.GetAsync())!.ApiKeys.Single().KeyId;

        await project.RevokeApiKeyAsync(keyId);
        var response = await client.TriggerAsync("after-revoke");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Trigger_OneDedupKey1000TimesAtOnce_OneAlertCounting1000()
    {
        var (_, _, client) = await app.NewProjectAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => client.TriggerAsync("storm")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.JsonAsync()));
        var alertId = Assert.Single(bodies.Select(b => b.GetProperty("alertId").GetString()).Distinct());
        Assert.Single(bodies, b => b.GetProperty("created").GetBoolean());
        Assert.Equal(1000, bodies.Max(b => b.GetProperty("count").GetInt32()));
        var alert = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/alerts/{alertId}");
        Assert.Equal(1000, alert.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Trigger_SqlAndHtmlInText_StoredVerbatimAsData()
    {
        var (_, _, client) = await app.NewProjectAsync();
        const string summary = "'; DROP TABLE OrleansStorage; -- <script>alert(1)</script>";

        var accepted = await (await client.TriggerAsync("robert'); DROP TABLE OrleansStorage;--", summary)).JsonAsync();
        var alert = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/alerts/{accepted.GetProperty("alertId").GetString()}");

        Assert.Equal(summary, alert.GetProperty("summary").GetString());
        Assert.Equal("robert'); DROP TABLE OrleansStorage;--", alert.GetProperty("dedupKey").GetString());
        Assert.True(await app.StoredAlertRowsAsync() > 0);
    }
}
