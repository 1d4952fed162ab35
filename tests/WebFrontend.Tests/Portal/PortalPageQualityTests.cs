using System.Text.RegularExpressions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>Every page: served with the portal's content policy, free of console errors and of serious accessibility problems, at a laptop's and a phone's width.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalPageQualityTests(PortalFixture portal)
{
    private static readonly string[] AnonymousPages =
        ["/login", "/login/totp", "/signup", "/verify-email?token=x", "/forgot-password", "/reset-password?token=x"];

    private static readonly string[] AccountPages = ["/account", "/account/two-factor", "/account/sessions"];

    [Fact]
    public async Task AnonymousPages_Load_WithPolicyNoErrorsAndNoSevereAxeViolations()
    {
        await using var tab = await portal.NewTabAsync();

        foreach (var path in AnonymousPages)
        {
            await CheckAsync(tab, path);
        }

        tab.AssertNoErrors();
    }

    [Fact]
    public async Task AccountPages_SignedIn_LoadWithPolicyNoErrorsAndNoSevereAxeViolations()
    {
        await using var tab = await portal.NewTabAsync();
        await PortalFixture.LogInAsync(tab, await portal.SignedUpAsync(tab));

        foreach (var path in AccountPages)
        {
            await CheckAsync(tab, path);
        }

        tab.AssertNoErrors();
    }

    [Fact]
    public async Task PhoneNumberAndAlertPages_SignedIn_LoadWithPolicyNoErrorsAndNoSevereAxeViolations()
    {
        var app = await portal.CallingAppAsync();
        await using var tab = await portal.NewTabAsync(app.BaseAddress);
        await PortalFixture.LogInAsync(tab, await portal.SignedUpAsync(tab));
        var (_, projectId) = await CallingSteps.OrgWithProjectAsync(tab, "Pages Ltd", "Pages");
        var alertId = await CallingSteps.RaiseAsync(app, await CallingSteps.NewKeyAsync(tab, projectId), "Disk full");
        await CallingSteps.ApiAsync(tab, "POST", "/api/v1/phone-numbers", new { number = "+4930555000111", label = "desk" }, 201);

        foreach (var path in (string[])["/phone-numbers", $"/projects/{projectId}/alerts", $"/projects/{projectId}/alerts/{alertId}"])
        {
            await CheckAsync(tab, path);
        }

        tab.AssertNoErrors();
    }

    [Fact]
    public async Task OrgPages_SignedInOwner_LoadWithPolicyNoErrorsAndNoSevereAxeViolations()
    {
        await using var tab = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(tab);
        await PortalFixture.LogInAsync(tab, email);
        var (orgId, projectId) = await portal.OrgWithProjectAsync(email);

        foreach (var (path, name) in new[]
        {
            ("/orgs", "orgs"), ($"/orgs/{orgId}", "org"), ($"/orgs/{orgId}/members", "org-members"), ($"/orgs/{orgId}/audit", "org-audit"),
            ($"/projects/{projectId}", "project"), ($"/projects/{projectId}/keys", "project-keys-empty"), ("/join-org?token=x", "join-org"),
        })
        {
            await CheckAsync(tab, path, name);
        }

        tab.AssertNoErrors();
    }

    [Fact]
    public async Task AccountPage_NotSignedIn_RedirectsToLoginAndBackAfterIt()
    {
        await using var tab = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(tab);

        await tab.GotoAsync("/account/sessions");
        Assert.Contains("/login?next=%2Faccount%2Fsessions", tab.Page.Url, StringComparison.Ordinal);
        await PortalFixture.SubmitLoginAsync(tab.Page, email, PortalFixture.Password);

        await tab.Page.WaitForURLAsync("**/account/sessions");
        tab.AssertNoErrors();
    }

    private static async Task CheckAsync(PortalTab tab, string path, string? name = null)
    {
        name ??= Regex.Replace(path.Split('?')[0].Trim('/'), "[0-9a-f]{12,}", "id").Replace('/', '-');
        await tab.Page.SetViewportSizeAsync(1024, 800);
        await tab.GotoAsync(path);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync(name);
        await tab.Page.SetViewportSizeAsync(375, 740);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync($"{name}-phone");
    }
}
