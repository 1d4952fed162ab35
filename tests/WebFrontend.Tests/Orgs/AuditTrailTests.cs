using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>Each audited action done through the portal's API leaves exactly one row naming its actor and target.</summary>
[Collection(AccountsCollection.Name)]
public sealed class AuditTrailTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AuditedActions_ThroughTheApi_OneRowEachWithActorAndTarget()
    {
        var (owner, admin, member) = (_world.Owner, _world.Admin, _world.Member);
        var orgId = await CreateOrgAsync(owner, "Audit Ltd");
        await InviteAndJoinAsync(owner, orgId, admin, "admin");
        await InviteAndJoinAsync(admin, orgId, member, "member");
        await ExpectAsync(HttpStatusCode.NoContent, member.Browser.PostAsync($"/api/v1/orgs/{orgId}/switch"));
        await ExpectAsync(HttpStatusCode.NoContent, owner.Browser.SendAsync(HttpMethod.Put, $"/api/v1/orgs/{orgId}/members/{member.UserId}/role", new { role = "admin" }));
        using var created = await owner.Browser.PostAsync($"/api/v1/orgs/{orgId}/projects", new { name = "Checkout" });
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectId").GetString()!;
        using var issued = await owner.Browser.PostAsync($"/api/v1/projects/{projectId}/keys", new { label = "alertmanager" });
        var keyId = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyId").GetString()!;
        await ExpectAsync(HttpStatusCode.NoContent, admin.Browser.DeleteAsync($"/api/v1/projects/{projectId}/keys/{keyId}"));
        await ExpectAsync(HttpStatusCode.NotFound, admin.Browser.DeleteAsync($"/api/v1/projects/{projectId}/keys/{keyId}"));
        await ExpectAsync(HttpStatusCode.NoContent, admin.Browser.DeleteAsync($"/api/v1/projects/{projectId}"));
        await ExpectAsync(HttpStatusCode.NoContent, owner.Browser.DeleteAsync($"/api/v1/orgs/{orgId}/members/{member.UserId}"));
        await ExpectAsync(HttpStatusCode.NoContent, admin.Browser.PostAsync($"/api/v1/orgs/{orgId}/leave"));

        using var page = await owner.Browser.GetAsync($"/api/v1/orgs/{orgId}/audit?limit=200");
        var rows = (await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Select(r => (Action: r.GetProperty("action").GetString(), Actor: r.GetProperty("actorUserId").GetString(), Target: r.GetProperty("target").GetString(), Ip: r.GetProperty("ip").GetString(),
                Detail: r.GetProperty("detail").GetString()))
            .ToList();
        (string, string, string)[] expected =
        [
            ("member.leave", admin.UserId, admin.UserId),
            ("member.remove", owner.UserId, member.UserId),
            ("project.delete", admin.UserId, projectId),
            ("api-key.revoke", admin.UserId, keyId),
            ("api-key.create", owner.UserId, keyId),
            ("project.create", owner.UserId, projectId),
            ("member.role-change", owner.UserId, member.UserId),
            ("org.switch", member.UserId, member.UserId),
            ("member.join", member.UserId, member.UserId),
            ("member.invite", admin.UserId, member.Email),
            ("member.join", admin.UserId, admin.UserId),
            ("member.invite", owner.UserId, admin.Email),
            ("member.join", owner.UserId, owner.UserId),
        ];

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(expected, rows.Select(r => (r.Action!, r.Actor!, r.Target!)));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Ip)));
        Assert.All(rows.Where(r => r.Action!.StartsWith("api-key.", StringComparison.Ordinal)), r => Assert.Equal(projectId, r.Detail));
    }

    [Fact]
    public async Task AuditLog_ThreeRowsPagedByTwo_NewestFirstThenTheRest()
    {
        var owner = _world.Owner;
        var orgId = await CreateOrgAsync(owner, "Paging Ltd");
        foreach (var name in new[] { "One", "Two" })
        {
            using var _ = await owner.Browser.PostAsync($"/api/v1/orgs/{orgId}/projects", new { name });
        }

        using var first = await owner.Browser.GetAsync($"/api/v1/orgs/{orgId}/audit?limit=2");
        var firstPage = await first.Content.ReadFromJsonAsync<JsonElement>();
        var cursor = firstPage.GetProperty("nextCursor").GetInt64();
        using var second = await owner.Browser.GetAsync($"/api/v1/orgs/{orgId}/audit?limit=2&before={cursor}");
        var secondPage = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["project.create", "project.create"], firstPage.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        Assert.Equal("Two", firstPage.GetProperty("rows")[0].GetProperty("detail").GetString());
        Assert.Equal(["member.join"], secondPage.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Invitation_FollowedTwiceOrByAnotherAccount_JoinsOnceOnly()
    {
        var (owner, member, outsider) = (_world.Owner, _world.Member, _world.Outsider);
        var orgId = await CreateOrgAsync(owner, "Once Ltd");
        await ExpectAsync(HttpStatusCode.Created, owner.Browser.PostAsync($"/api/v1/orgs/{orgId}/invitations", new { email = member.Email, role = "member" }));
        var token = await fixture.Smtp.NextTokenAsync(member.Email, "join-org");

        using var stranger = await outsider.Browser.PostAsync("/api/v1/orgs/join", new { token });
        using var joined = await member.Browser.PostAsync("/api/v1/orgs/join", new { token });
        using var again = await member.Browser.PostAsync("/api/v1/orgs/join", new { token });
        using var orgs = await member.Browser.GetAsync("/api/v1/orgs");

        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, joined.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains((await orgs.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), o => o.GetProperty("orgId").GetString() == orgId && o.GetProperty("role").GetString() == "member");
    }

    [Fact]
    public async Task Invitation_After7Days_NoLongerJoins()
    {
        var (owner, member) = (_world.Owner, _world.Member);
        var orgId = await CreateOrgAsync(owner, "Late Ltd");
        await ExpectAsync(HttpStatusCode.Created, owner.Browser.PostAsync($"/api/v1/orgs/{orgId}/invitations", new { email = member.Email, role = "admin" }));
        var token = await fixture.Smtp.NextTokenAsync(member.Email, "join-org");
        fixture.App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await member.Browser.LogInAsync(member.Email, SessionLifetimeTests.Password);

        using var late = await member.Browser.PostAsync("/api/v1/orgs/join", new { token });

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    private static async Task<string> CreateOrgAsync(Person owner, string name)
    {
        using var created = await owner.Browser.PostAsync("/api/v1/orgs", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orgId").GetString()!;
    }

    private async Task InviteAndJoinAsync(Person inviter, string orgId, Person invitee, string role)
    {
        await ExpectAsync(HttpStatusCode.Created, inviter.Browser.PostAsync($"/api/v1/orgs/{orgId}/invitations", new { email = invitee.Email, role }));
        var token = await fixture.Smtp.NextTokenAsync(invitee.Email, "join-org");
        await ExpectAsync(HttpStatusCode.NoContent, invitee.Browser.PostAsync("/api/v1/orgs/join", new { token }));
    }

    private static async Task ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
