using System.Net;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>Hostile input to the organisation and project endpoints: 4xx problem+json naming the field, and nothing stored.</summary>
[Collection(AccountsCollection.Name)]
public sealed class OrgHostileInputTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "POST", "/api/v1/orgs", """{"name":"LONG"}""", "name" },
        { "POST", "/api/v1/orgs", """{"name":"<script>alert(1)</script>"}""", "name" },
        { "POST", "/api/v1/orgs", """{"name":"   "}""", "name" },
        { "PATCH", "/api/v1/orgs/{orgId}", """{"name":"LONG"}""", "name" },
        { "PATCH", "/api/v1/orgs/{orgId}", """{"name":"<b onmouseover=alert(1)>Acme</b>"}""", "name" },
        { "POST", "/api/v1/orgs/{orgId}/projects", """{"name":"LONG"}""", "name" },
        { "POST", "/api/v1/orgs/{orgId}/projects", """{"name":"<img src=x onerror=alert(1)>"}""", "name" },
        { "PATCH", "/api/v1/projects/{projectId}", """{"name":"a\u0000b"}""", "name" },
        { "POST", "/api/v1/projects/{projectId}/keys", """{"label":"LONG"}""", "label" },
        { "POST", "/api/v1/projects/{projectId}/keys", """{"label":"<script>alert(1)</script>"}""", "label" },
        { "POST", "/api/v1/projects/{projectId}/keys", """{"label":""}""", "label" },
        { "POST", "/api/v1/projects/{projectId}/keys", """{"label":"   "}""", "label" },
        { "PUT", "/api/v1/projects/{projectId}/policy", """{"contacts":[],"stepDelaySeconds":-30}""", "stepDelaySeconds" },
        { "PUT", "/api/v1/projects/{projectId}/policy", """{"contacts":[],"ringTimeoutSeconds":-1}""", "ringTimeoutSeconds" },
        { "PUT", "/api/v1/projects/{projectId}/policy", """{"contacts":[],"repeats":-2}""", "repeats" },
        { "PUT", "/api/v1/projects/{projectId}/policy", """{"contacts":[{"userId":"nobody-here","phoneNumberId":"n1"}]}""", "contacts" },
        { "PUT", "/api/v1/projects/{projectId}/policy", """{"contacts":[{"userId":"<script>","phoneNumberId":"n1"}]}""", "contacts" },
        { "PUT", "/api/v1/projects/{projectId}/policy", """{"contacts":"everyone"}""", "contacts" },
        { "POST", "/api/v1/orgs/{orgId}/invitations", """{"email":"a@example.test","role":"superuser"}""", "role" },
        { "POST", "/api/v1/orgs/{orgId}/invitations", """{"email":"a@example.test","role":2}""", "role" },
        { "POST", "/api/v1/orgs/{orgId}/invitations", """{"email":"<script>@x","role":"member"}""", "email" },
        { "PUT", "/api/v1/orgs/{orgId}/members/{userId}/role", """{"role":"god"}""", "role" },
        { "PUT", "/api/v1/orgs/{orgId}/members/{userId}/role", """{}""", "role" },
        { "POST", "/api/v1/orgs/join", """{"token":"../../etc/passwd"}""", "token" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileBody_OwnerOfTheOrg_400NamingTheFieldAndNothingStored(string method, string pathTemplate, string json, string field)
    {
        var owner = _world.Owner;
        var org = await _world.NewOrgAsync();
        var before = await SnapshotAsync(org);
        json = json.Replace("LONG", new string('x', 10_000), StringComparison.Ordinal);

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await owner.Browser.SendAsync(new HttpMethod(method), org.Fill(pathTemplate), null, content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(org));
    }

    /// <summary>What the owner's organisations and this organisation hold, as text.</summary>
    private async Task<string> SnapshotAsync(OrgCase org)
    {
        var mine = await _world.Owner.Browser.GetAsync("/api/v1/orgs");
        var grain = _world.Grains.GetGrain<IOrganizationGrain>(org.OrgId);
        var view = await grain.GetAsync();
        var invitations = await grain.GetInvitationsAsync(_world.Owner.UserId);
        var project = await _world.Grains.GetGrain<IProjectGrain>(org.ProjectId).GetAsync();
        var audit = await _world.Grains.GetGrain<IAuditLogGrain>(org.OrgId).GetPageAsync(null, 200);
        return System.Text.Json.JsonSerializer.Serialize(new { mine = await mine.Content.ReadAsStringAsync(), view, invitations, project, audit });
    }
}
