using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>A project's API keys page: an owner creates a key and sees it once, monitoring raises an alert with it, a member sees the list without the buttons, the owner revokes it and intake refuses it.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalApiKeysTests(PortalFixture portal)
{
    [Fact]
    public async Task KeysPage_CreateUseAndRevoke_KeyShownOnceWorksThenGets401()
    {
        await using var ownerTab = await portal.NewTabAsync();
        await using var memberTab = await portal.NewTabAsync();
        var ownerEmail = await portal.SignedUpAsync(ownerTab);
        var memberEmail = await portal.SignedUpAsync(memberTab);
        await PortalFixture.LogInAsync(ownerTab, ownerEmail);
        await PortalFixture.LogInAsync(memberTab, memberEmail);
        var projectId = await OrgWithProjectAsync(ownerEmail, memberEmail);
        var page = ownerTab.Page;
        await ownerTab.GotoAsync($"/projects/{projectId}/keys");
        await Expect(page.Locator("#api-keys tbody tr")).ToHaveCountAsync(0);

        await page.GetByLabel("Label, to tell what uses the key").FillAsync("alertmanager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(page.Locator("#new-key")).ToBeVisibleAsync();
        var key = await page.Locator("#new-key-value").TextContentAsync() ?? "";
        Assert.Matches("^cp_live_[A-Za-z0-9_-]{43}$", key);
        await Expect(page.Locator("#new-key")).ToContainTextAsync("shows it this once");
        await ownerTab.ScreenshotAsync("project-keys-created");
        await ownerTab.AssertAccessibleAsync();

        using var intake = IntakeClient(key);
        using var raised = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full on db-1", severity = "critical", action = "trigger" });
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);

        await page.GetByRole(AriaRole.Link, new() { Name = "Done: back to the list" }).ClickAsync();
        var row = page.Locator("#api-keys tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("alertmanager");
        await Expect(row).ToContainTextAsync(key[..12]);
        await Expect(row).Not.ToContainTextAsync("Never");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        await ownerTab.ScreenshotAsync("project-keys");

        await memberTab.GotoAsync($"/projects/{projectId}/keys");
        await Expect(memberTab.Page.Locator("#api-keys tbody tr")).ToContainTextAsync("alertmanager");
        await Expect(memberTab.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = false })).ToHaveCountAsync(0);
        await Expect(memberTab.Page.GetByRole(AriaRole.Button, new() { Name = "Create key" })).ToHaveCountAsync(0);
        await memberTab.AssertAccessibleAsync();
        await memberTab.ScreenshotAsync("project-keys-member");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke the key alertmanager ({key[..12]}…)" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        using var refused = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full on db-1", severity = "critical", action = "trigger" });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        ownerTab.AssertNoErrors();
        memberTab.AssertNoErrors();
    }

    [Fact]
    public async Task KeysPage_ProjectOfAnotherOrganisation_NotFound()
    {
        await using var tab = await portal.NewTabAsync();
        await using var strangerTab = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(tab);
        await PortalFixture.LogInAsync(tab, email);
        var strangersProject = await OrgWithProjectAsync(await portal.SignedUpAsync(strangerTab), memberEmail: null);

        var response = await tab.Page.GotoAsync($"/projects/{strangersProject}/keys");

        Assert.Equal(404, response!.Status);
    }

    /// <summary>An organisation of the owner (made through its grain, as the API would) with a project, and the member joined by an invitation.</summary>
    private async Task<string> OrgWithProjectAsync(string ownerEmail, string? memberEmail)
    {
        var grains = portal.App.Grains;
        var owner = new AuditContext((await UserIdAsync(ownerEmail))!, "127.0.0.1");
        var org = grains.GetGrain<IOrganizationGrain>(Guid.NewGuid().ToString("N"));
        await org.CreateAsync("Keys Ltd", ownerEmail, owner);
        var projectId = (await org.CreateProjectAsync("Web shop", owner)).CreatedId!;
        if (memberEmail is not null)
        {
            var secret = SecretHash.NewSecret();
            await org.InviteAsync(new NewInvitation(memberEmail, OrgRole.Member, SecretHash.Of(secret), portal.App.Clock.GetUtcNow().AddDays(7)), owner);
            Assert.Equal(OrgOutcome.Done, (await org.JoinAsync(SecretHash.Of(secret), memberEmail, new AuditContext((await UserIdAsync(memberEmail))!, "127.0.0.1"))).Outcome);
        }

        return projectId;
    }

    private Task<string?> UserIdAsync(string email) =>
        portal.App.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalise(email, out _)!).GetUserIdAsync();

    private HttpClient IntakeClient(string key)
    {
        // The test's own certificate: the client trusts this server only.
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = portal.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
