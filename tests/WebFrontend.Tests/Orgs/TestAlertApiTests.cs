using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.WebFrontend.Apis;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>A test alert sent by a member's session, and the audit log read by kind.</summary>
[Collection(AccountsCollection.Name)]
public sealed class TestAlertApiTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task TestAlert_ByAMember_RealAlertSayingItIsATestWithOneAuditRow()
    {
        var org = await _world.NewOrgAsync();
        var member = _world.Member;

        using var sent = await member.Browser.PostAsync($"/api/v1/projects/{org.ProjectId}/test-alert");
        var alertId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString()!;
        using var alert = await member.Browser.GetAsync($"/api/v1/alerts/{alertId}");
        var view = await alert.Content.ReadFromJsonAsync<JsonElement>();
        var rows = await AuditRowsAsync(org.OrgId, "alert");

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal($"/api/v1/alerts/{alertId}", sent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, alert.StatusCode);
        Assert.Equal(ProjectTestAlertApi.Summary, view.GetProperty("summary").GetString());
        Assert.Equal(org.ProjectId, view.GetProperty("projectId").GetString());
        var row = Assert.Single(rows);
        Assert.Equal(("alert.test", member.UserId, alertId, org.ProjectId), (row.Action, row.Actor, row.Target, row.Detail));
    }

    [Fact]
    public async Task TestAlert_OverThePerProjectLimit_429WithRetryAfter()
    {
        var settings = fixture.Smtp.Settings();
        settings["Accounts:AccountPermitsPerMinute"] = "2";
        settings["Accounts:IpPermitsPerMinute"] = "1000";
        await using var app = new AccountsApp(settings);
        using var browser = app.NewBrowser();
        var email = AccountsApp.NewEmail();
        await browser.SignUpVerifiedAsync(fixture.Smtp, email, SessionLifetimeTests.Password);
        await browser.LogInAsync(email, SessionLifetimeTests.Password);
        using var org = await browser.PostAsync("/api/v1/orgs", new { name = "Limits Ltd" });
        var orgId = (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orgId").GetString();
        using var project = await browser.PostAsync($"/api/v1/orgs/{orgId}/projects", new { name = "Checkout" });
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectId").GetString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var sent = await browser.PostAsync($"/api/v1/projects/{projectId}/test-alert");
            statuses.Add(sent.StatusCode);
            if (sent.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(sent.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {sent.Headers.RetryAfter}");
            }
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AuditLog_OfOneKind_OnlyThatKindAndAnUnknownKindIs400()
    {
        var org = await _world.NewOrgAsync();

        var members = await AuditRowsAsync(org.OrgId, "member");
        var projects = await AuditRowsAsync(org.OrgId, "project");
        using var unknown = await _world.Owner.Browser.GetAsync($"/api/v1/orgs/{org.OrgId}/audit?kind=member.join");

        // Newest first: an invitation left open, the member's and the admin's invitation and join, the owner's join on creation.
        Assert.Equal(["member.invite", "member.join", "member.invite", "member.join", "member.invite", "member.join"], members.Select(r => r.Action));
        Assert.Equal(["project.create"], projects.Select(r => r.Action));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<(string Action, string Actor, string Target, string? Detail)>> AuditRowsAsync(string orgId, string kind)
    {
        using var page = await _world.Owner.Browser.GetAsync($"/api/v1/orgs/{orgId}/audit?kind={kind}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return [.. (await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("action").GetString()!, r.GetProperty("actorUserId").GetString()!, r.GetProperty("target").GetString()!, r.GetProperty("detail").GetString()))];
    }
}
