using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using CallPing.Grains.Interfaces.Orgs;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>A project's API keys page: an admin creates a key and sees it once, monitoring raises an alert with it, a member sees the list without the buttons, the admin revokes it and intake refuses it.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalApiKeysTests(PortalFixture portal)
{
    [Fact]
    public async Task KeysPage_CreateUseAndRevoke_KeyShownOnceWorksThenGets401()
    {
        await using var adminTab = await portal.NewTabAsync();
        await using var memberTab = await portal.NewTabAsync();
        var adminEmail = await portal.SignedUpAsync(adminTab);
        var memberEmail = await portal.SignedUpAsync(memberTab);
        await PortalFixture.LogInAsync(adminTab, adminEmail);
        await PortalFixture.LogInAsync(memberTab, memberEmail);
        var (_, projectId) = await portal.OrgWithProjectAsync(await SomeoneElseAsync(), (adminEmail, OrgRole.Admin), (memberEmail, OrgRole.Member));
        var page = adminTab.Page;
        await adminTab.GotoAsync($"/projects/{projectId}/keys");
        await Expect(page.Locator("#api-keys tbody tr")).ToHaveCountAsync(0);

        await page.GetByLabel("Label, to tell what uses the key").FillAsync("alertmanager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(page.Locator("#new-key")).ToBeVisibleAsync();
        var key = await page.Locator("#new-key-value").TextContentAsync() ?? "";
        Assert.Matches("^cp_live_[A-Za-z0-9_-]{43}$", key);
        await Expect(page.Locator("#new-key")).ToContainTextAsync("shows it this once");
        await adminTab.ScreenshotAsync("project-keys-created");
        await adminTab.AssertAccessibleAsync();

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
        await adminTab.ScreenshotAsync("project-keys");

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
        adminTab.AssertNoErrors();
        memberTab.AssertNoErrors();
    }

    [Fact]
    public async Task KeysPage_ProjectOfAnotherOrganisation_NotFound()
    {
        await using var tab = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(tab);
        await PortalFixture.LogInAsync(tab, email);
        var (_, strangersProject) = await portal.OrgWithProjectAsync(await SomeoneElseAsync());

        var response = await tab.Page.GotoAsync($"/projects/{strangersProject}/keys");

        Assert.Equal(404, response!.Status);
    }

    /// <summary>The address of a verified account made in a browser of its own, which the test does not use further.</summary>
    private async Task<string> SomeoneElseAsync()
    {
        await using var tab = await portal.NewTabAsync();
        return await portal.SignedUpAsync(tab);
    }

    private HttpClient IntakeClient(string key)
    {
        // The test's own certificate: the client trusts this server only.
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = portal.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
