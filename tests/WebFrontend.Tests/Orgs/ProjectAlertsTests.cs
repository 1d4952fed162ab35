using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.TestSupport;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>A project's alerts as its organisation's members see and handle them, by session: the list, acknowledge, resolve, and their audit rows.</summary>
[Collection(AccountsCollection.Name)]
public sealed class ProjectAlertsTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task List_30AlertsTwoAcknowledgedOneResolved_FiltersAndPagesNewestFirst()
    {
        var org = await _world.NewOrgAsync();
        List<string> raised = [org.AlertId];
        for (var i = 1; i < 30; i++)
        {
            fixture.App.Clock.Advance(TimeSpan.FromSeconds(1));
            raised.Add(await _world.RaiseAlertAsync(org.ProjectId, $"Alert {i}"));
        }

        var member = _world.Member.Browser;
        await ExpectAsync(HttpStatusCode.OK, member.PostAsync($"/api/v1/alerts/{raised[3]}/acknowledge"));
        await ExpectAsync(HttpStatusCode.OK, member.PostAsync($"/api/v1/alerts/{raised[7]}/acknowledge"));
        await ExpectAsync(HttpStatusCode.OK, member.PostAsync($"/api/v1/alerts/{raised[9]}/resolve"));
        var newestFirst = Enumerable.Reverse(raised).ToList();
        await Eventually.ReachesAsync(() => PageAsync(org.ProjectId, "?state=resolved"), p => p.Ids.Count == 1, TimeSpan.FromSeconds(10), "the resolved alert listed as such");

        var first = await PageAsync(org.ProjectId, "");
        var second = await PageAsync(org.ProjectId, $"?page={first.Next}");
        var acknowledged = await PageAsync(org.ProjectId, "?state=acknowledged");
        var resolved = await PageAsync(org.ProjectId, "?state=resolved&page=1");
        var exhausted = await PageAsync(org.ProjectId, "?state=exhausted&page=2");

        Assert.Equal(newestFirst[..25], first.Ids);
        Assert.Equal(2, first.Next);
        Assert.Equal(newestFirst[25..], second.Ids);
        Assert.Null(second.Next);
        Assert.Equal([raised[7], raised[3]], acknowledged.Ids);
        Assert.Equal([raised[9]], resolved.Ids);
        // 27 exhausted (nobody to call): a full page, then the 2 oldest.
        Assert.Equal(newestFirst.Where(id => id != raised[3] && id != raised[7] && id != raised[9]).Skip(25), exhausted.Ids);
        Assert.Null(exhausted.Next);
        Assert.Null(acknowledged.Next);
    }

    [Fact]
    public async Task AcknowledgeAndResolve_BySession_OneAuditRowEachNamingActorAlertAndProject()
    {
        var org = await _world.NewOrgAsync();
        var (member, admin) = (_world.Member, _world.Admin);

        using var acknowledged = await member.Browser.PostAsync($"/api/v1/alerts/{org.AlertId}/acknowledge");
        using var again = await member.Browser.PostAsync($"/api/v1/alerts/{org.AlertId}/acknowledge");
        using var resolved = await admin.Browser.PostAsync($"/api/v1/alerts/{org.AlertId}/resolve");
        var rows = await AlertRowsAsync(org.OrgId);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (acknowledged.StatusCode, again.StatusCode, resolved.StatusCode));
        Assert.Equal($"member {member.UserId}", (await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedBy").GetString());
        Assert.Equal("Resolved", (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(
            [(AuditActions.AlertResolve, admin.UserId, org.AlertId, org.ProjectId), (AuditActions.AlertAcknowledge, member.UserId, org.AlertId, org.ProjectId)],
            rows);
    }

    [Fact]
    public async Task GetAlert_BySession_ShowsTheAlertWithItsCallLog()
    {
        var org = await _world.NewOrgAsync();

        using var response = await _world.Member.Browser.GetAsync($"/api/v1/alerts/{org.AlertId}");
        var alert = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((org.AlertId, org.ProjectId), (alert.GetProperty("alertId").GetString(), alert.GetProperty("projectId").GetString()));
        Assert.Equal(JsonValueKind.Array, alert.GetProperty("calls").ValueKind);
    }

    [Fact]
    public async Task Resolve_BySessionWithoutCsrfToken_403AndUnchanged()
    {
        var org = await _world.NewOrgAsync();
        using var tokenless = fixture.App.NewBrowser();
        tokenless.CopyCookiesFrom(_world.Member.Browser);
        tokenless.CsrfToken = null;

        using var response = await tokenless.PostAsync($"/api/v1/alerts/{org.AlertId}/resolve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(Grains.Interfaces.Models.AlertStatus.Resolved, (await _world.Grains.GetGrain<IAlertGrain>(org.AlertId).GetAsync())!.Status);
        Assert.Empty(await AlertRowsAsync(org.OrgId));
    }

    [Theory]
    [InlineData("?state=open")]
    [InlineData("?state=Triggered%00")]
    [InlineData("?state=1")]
    [InlineData("?state=")]
    [InlineData("?state=triggered&state=resolved")]
    [InlineData("?page=0")]
    [InlineData("?page=-1")]
    [InlineData("?page=1.5")]
    [InlineData("?page=%2B1")]
    [InlineData("?page=99999999999999999999")]
    [InlineData("?page=10001")]
    [InlineData("?page=1&page=2")]
    [InlineData("?page=%3Cscript%3E")]
    public async Task List_HostileQuery_400ProblemJson(string query)
    {
        var org = await _world.NewOrgAsync();

        using var response = await _world.Member.Browser.GetAsync($"/api/v1/projects/{org.ProjectId}/alerts{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(List<string> Ids, int? Next)> PageAsync(string projectId, string query)
    {
        using var response = await _world.Member.Browser.GetAsync($"/api/v1/projects/{projectId}/alerts{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var next = page.GetProperty("nextPage");
        return ([.. page.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetString()!)],
            next.ValueKind == JsonValueKind.Null ? null : next.GetInt32());
    }

    /// <summary>The organisation's alert rows, newest first: action, actor, target, detail.</summary>
    private async Task<List<(string, string, string, string)>> AlertRowsAsync(string orgId)
    {
        using var page = await _world.Owner.Browser.GetAsync($"/api/v1/orgs/{orgId}/audit?limit=200");
        return [.. (await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("action").GetString()!.StartsWith("alert.", StringComparison.Ordinal))
            .Select(r => (r.GetProperty("action").GetString()!, r.GetProperty("actorUserId").GetString()!, r.GetProperty("target").GetString()!, r.GetProperty("detail").GetString()!))];
    }

    private static async Task ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
