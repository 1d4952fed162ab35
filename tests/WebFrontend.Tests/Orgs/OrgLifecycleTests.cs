using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.TestSupport;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>What people see of an organisation's life: the current one, a project's key after the project is deleted, an organisation deleted.</summary>
[Collection(AccountsCollection.Name)]
public sealed class OrgLifecycleTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Switch_SecondOrg_ListedAsCurrent()
    {
        var first = await _world.NewOrgAsync();
        var second = await _world.NewOrgAsync();

        using var switched = await _world.Member.Browser.PostAsync($"/api/v1/orgs/{second.OrgId}/switch");
        var current = (await ListAsync(_world.Member)).Where(o => o.GetProperty("current").GetBoolean()).Select(o => o.GetProperty("orgId").GetString());

        Assert.Equal(HttpStatusCode.NoContent, switched.StatusCode);
        Assert.Equal([second.OrgId], current);
        Assert.Contains(first.OrgId, (await ListAsync(_world.Member)).Select(o => o.GetProperty("orgId").GetString()));
    }

    [Fact]
    public async Task DeleteProject_ItsApiKey_RefusedByIntakeAndTheProjectIsGone()
    {
        var org = await _world.NewOrgAsync();
        var key = (await _world.Grains.GetGrain<IProjectGrain>(org.ProjectId).IssueApiKeyAsync("monitoring")).Key;
        using var intake = fixture.App.CreateClient();
        intake.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var before = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full", severity = "critical", action = "trigger" });

        using var deleted = await _world.Admin.Browser.DeleteAsync($"/api/v1/projects/{org.ProjectId}");
        var refused = await Eventually.ReachesAsync(async () =>
        {
            using var after = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full", severity = "critical", action = "trigger" });
            return after.StatusCode;
        }, status => status == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "the deleted project's key refused");
        using var read = await _world.Owner.Browser.GetAsync($"/api/v1/projects/{org.ProjectId}");

        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Alert_ProjectWithoutContacts_ExhaustedWithoutCalls()
    {
        var org = await _world.NewOrgAsync();
        var key = (await _world.Grains.GetGrain<IProjectGrain>(org.ProjectId).IssueApiKeyAsync("monitoring")).Key;
        using var intake = fixture.App.CreateClient();
        intake.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var raised = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary = "Queue stuck", severity = "critical", action = "trigger" });
        var alertId = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString();
        var alert = await Eventually.ReachesAsync(async () => await intake.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alertId}"),
            a => a.GetProperty("status").GetString() == "Exhausted", TimeSpan.FromSeconds(10), "the alert exhausted");

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal(0, alert.GetProperty("calls").GetArrayLength());
    }

    [Fact]
    public async Task DeleteOrg_Owner_GoneForEveryMemberWithItsProjects()
    {
        var org = await _world.NewOrgAsync();

        using var deleted = await _world.Owner.Browser.DeleteAsync($"/api/v1/orgs/{org.OrgId}");
        using var read = await _world.Member.Browser.GetAsync($"/api/v1/orgs/{org.OrgId}");
        var project = await _world.Grains.GetGrain<IProjectGrain>(org.ProjectId).GetAsync();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Null(project);
        foreach (var person in new[] { _world.Owner, _world.Admin, _world.Member })
        {
            Assert.DoesNotContain(org.OrgId, (await ListAsync(person)).Select(o => o.GetProperty("orgId").GetString()));
        }
    }

    [Fact]
    public async Task DeleteOrg_PasswordEnteredOver5MinutesAgo_403StepUpRequiredAndOrgStays()
    {
        var org = await _world.NewOrgAsync();
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(6));

        using var refused = await _world.Owner.Browser.DeleteAsync($"/api/v1/orgs/{org.OrgId}");
        var type = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString();
        using var outsider = await _world.Outsider.Browser.DeleteAsync($"/api/v1/orgs/{org.OrgId}");
        using var read = await _world.Owner.Browser.GetAsync($"/api/v1/orgs/{org.OrgId}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("urn:callping:problem:step-up-required", type);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Contacts_MembersNumbers_ListedMaskedWithTheIdsAPolicyNames()
    {
        var org = await _world.NewOrgAsync();
        var number = $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}";
        await _world.Grains.GetGrain<IUserGrain>(_world.Member.UserId).AddPhoneNumberAsync(number, "desk");

        using var listed = await _world.Member.Browser.GetAsync($"/api/v1/orgs/{org.OrgId}/contacts");
        var text = await listed.Content.ReadAsStringAsync();
        var contact = JsonDocument.Parse(text).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("userId").GetString() == _world.Member.UserId && c.GetProperty("number").GetString() == PhoneNumber.Mask(number));
        var phoneNumberId = contact.GetProperty("phoneNumberId").GetString();
        using var saved = await _world.Admin.Browser.SendAsync(HttpMethod.Put, $"/api/v1/projects/{org.ProjectId}/policy",
            new { contacts = new[] { new { userId = _world.Member.UserId, phoneNumberId } }, ringTimeoutSeconds = 30, stepDelaySeconds = 60, repeats = 1 });

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain(number[3..], text, StringComparison.Ordinal);
        Assert.Equal((_world.Member.Email, "desk", false), (contact.GetProperty("email").GetString(), contact.GetProperty("label").GetString(), contact.GetProperty("callable").GetBoolean()));
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal([phoneNumberId], (await _world.Grains.GetGrain<IProjectGrain>(org.ProjectId).GetAsync())!.PolicyContacts!.Select(c => c.PhoneNumberId));
    }

    private static async Task<List<JsonElement>> ListAsync(Person person)
    {
        using var response = await person.Browser.GetAsync("/api/v1/orgs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
