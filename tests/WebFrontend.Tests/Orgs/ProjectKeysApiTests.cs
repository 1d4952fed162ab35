using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Projects;
using CallPing.WebFrontend.Hosting;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>A project's API keys through the portal's API: shown once, listed without the secret, refused by intake once revoked.</summary>
[Collection(AccountsCollection.Name)]
public sealed class ProjectKeysApiTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Create_Admin_ShowsTheKeyOnceAndTheListNeverHoldsItOrItsHash()
    {
        var org = await _world.NewOrgAsync();

        using var created = await _world.Admin.Browser.PostAsync($"/api/v1/projects/{org.ProjectId}/keys", new { label = " grafana " });
        var issued = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = issued.GetProperty("key").GetString()!;
        using var listed = await _world.Member.Browser.GetAsync($"/api/v1/projects/{org.ProjectId}/keys");
        var list = await listed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^cp_live_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(key[..ApiKeys.ShownPrefixLength], issued.GetProperty("prefix").GetString());
        Assert.Equal("grafana", issued.GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var shown = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == issued.GetProperty("keyId").GetString());
        Assert.Equal(["keyId", "prefix", "label", "createdAt", "lastUsedAt"], shown.EnumerateObject().Select(p => p.Name));
        Assert.Equal("grafana", shown.GetProperty("label").GetString());
        Assert.DoesNotContain(key[ApiKeys.KeyPrefix.Length..], list, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeys.HashOf(key), list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_KeyIntakeJustAccepted_401AtOnceOnThisProcessAndASecondRevoke404()
    {
        var org = await _world.NewOrgAsync();
        using var created = await _world.Admin.Browser.PostAsync($"/api/v1/projects/{org.ProjectId}/keys", new { label = "alertmanager" });
        var issued = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (keyId, key) = (issued.GetProperty("keyId").GetString()!, issued.GetProperty("key").GetString()!);
        using var intake = fixture.App.CreateClient();
        intake.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var before = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full", severity = "critical", action = "trigger" });
        using var listed = await _world.Admin.Browser.GetAsync($"/api/v1/projects/{org.ProjectId}/keys");
        var lastUsed = (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == keyId).GetProperty("lastUsedAt");
        await _world.Admin.StepUpAsync();

        using var revoked = await _world.Admin.Browser.DeleteAsync($"/api/v1/projects/{org.ProjectId}/keys/{keyId}");
        using var after = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full", severity = "critical", action = "trigger" });
        using var again = await _world.Admin.Browser.DeleteAsync($"/api/v1/projects/{org.ProjectId}/keys/{keyId}");
        using var relisted = await _world.Admin.Browser.GetAsync($"/api/v1/projects/{org.ProjectId}/keys");

        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        Assert.Equal(JsonValueKind.String, lastUsed.ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(keyId, await relisted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_KeyIdOfAnotherProjectOfTheSameOwner_404AndThatKeyStaysLive()
    {
        var first = await _world.NewOrgAsync();
        var second = await _world.NewOrgAsync();
        await _world.Owner.StepUpAsync();

        using var crossed = await _world.Owner.Browser.DeleteAsync($"/api/v1/projects/{first.ProjectId}/keys/{second.KeyId}");
        using var listed = await _world.Owner.Browser.GetAsync($"/api/v1/projects/{second.ProjectId}/keys");

        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal("application/problem+json", crossed.Content.Headers.ContentType?.MediaType);
        Assert.Contains(second.KeyId, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminTokenRevoke_OrganisationsKey_OneOperatorRowInItsLogAndASecondRevoke404()
    {
        var org = await _world.NewOrgAsync();
        var folder = fixture.App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder;
        using var admin = fixture.App.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(Path.Combine(folder, "admin-token"))).Trim());

        using var revoked = await admin.PostAsync($"/admin/projects/{org.ProjectId}/keys/{org.KeyId}/revoke", null);
        using var again = await admin.PostAsync($"/admin/projects/{org.ProjectId}/keys/{org.KeyId}/revoke", null);
        var rows = (await _world.Grains.GetGrain<IAuditLogGrain>(org.OrgId).GetPageAsync(null, 200)).Rows.Where(r => r.Action == AuditActions.ApiKeyRevoke).ToList();

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var row = Assert.Single(rows);
        Assert.Equal((AuditContext.Operator, org.KeyId, org.ProjectId), (row.ActorUserId, row.Target, row.Detail));
    }
}
