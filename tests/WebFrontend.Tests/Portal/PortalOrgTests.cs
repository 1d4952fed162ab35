using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>
/// An admin's organisation from the pages: create it and a project, edit the escalation policy, send a test alert,
/// point monitoring at the project with the page's snippet, invite a colleague who joins by the mailed link and sees
/// the organisation as a member, and read what happened in the audit log.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class PortalOrgTests(PortalFixture portal)
{
    [Fact]
    public async Task OrgPages_CreateProjectPolicyTestAlertInviteJoinAudit_EachStepShownAndStored()
    {
        await using var adminTab = await portal.NewTabAsync();
        await using var memberTab = await portal.NewTabAsync();
        var adminEmail = await portal.SignedUpAsync(adminTab);
        var memberEmail = await portal.SignedUpAsync(memberTab);
        await PortalFixture.LogInAsync(adminTab, adminEmail);
        var page = adminTab.Page;

        // An organisation and a project, each created from its form.
        await adminTab.GotoAsync("/orgs");
        await page.GetByLabel("Name of the organisation").FillAsync("Acme Ops");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organisation" }).ClickAsync();
        await page.WaitForURLAsync("**/orgs/*");
        var orgId = page.Url.Split('/')[^1];
        await Expect(page.Locator(".org-switcher summary")).ToHaveTextAsync("Organisation: Acme Ops");
        await page.GetByLabel("Name of the project").FillAsync("Checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.WaitForURLAsync("**/projects/*");
        var projectId = page.Url.Split('/')[^1];
        await Expect(page.Locator("h1")).ToHaveTextAsync("Checkout");

        // The policy: two of the admin's numbers, the second moved up, other timings; then a value the API refuses.
        var adminId = (await portal.UserIdAsync(adminEmail))!;
        var admin = portal.App.Grains.GetGrain<IUserGrain>(adminId);
        await admin.AddPhoneNumberAsync("+15550100", "desk");
        await admin.AddPhoneNumberAsync("+15550177", "mobile");
        var numbers = await admin.GetPhoneNumbersAsync();
        var (desk, mobile) = (numbers.Single(n => n.Label == "desk"), numbers.Single(n => n.Label == "mobile"));
        await adminTab.GotoAsync($"/projects/{projectId}");
        await page.Locator("#contact-0").SelectOptionAsync(new SelectOptionValue { Label = $"{adminEmail}: {Masked(desk.Number)} desk (not verified: skipped)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Expect(page.Locator("#policy-saved")).ToHaveTextAsync("The escalation policy is saved.");
        await page.Locator("#contact-1").SelectOptionAsync(new SelectOptionValue { Label = $"{adminEmail}: {Masked(mobile.Number)} mobile (not verified: skipped)" });
        await page.Locator("#policy-contacts li").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        await Expect(page.Locator("#policy-contacts li").First.Locator("[data-position]")).ToHaveTextAsync("1");
        await Expect(page.Locator("#policy-contacts li").First.Locator("select")).ToHaveIdAsync("contact-1");
        await page.GetByLabel("Ring timeout, in seconds").FillAsync("45");
        await page.GetByLabel("Delay before the next contact, in seconds").FillAsync("15");
        await page.GetByLabel("Times through the list").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await page.WaitForURLAsync($"**/projects/{projectId}?saved=policy");
        await Expect(page.Locator("#contact-0")).ToHaveValueAsync(JsonSerializer.Serialize(new { userId = adminId, phoneNumberId = mobile.PhoneNumberId }));
        var project = (await portal.App.Grains.GetGrain<IProjectGrain>(projectId).GetAsync())!;
        Assert.Equal([mobile.PhoneNumberId, desk.PhoneNumberId], project.PolicyContacts!.Select(c => c.PhoneNumberId));
        Assert.Equal((TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(15), 2), (project.Policy.RingTimeout, project.Policy.StepDelay, project.Policy.Repeats));

        await page.GetByLabel("Ring timeout, in seconds").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Expect(page.Locator("#ring-timeout-error")).ToContainTextAsync("between 10 s and 2 min");
        await Expect(page.GetByLabel("Ring timeout, in seconds")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(TimeSpan.FromSeconds(45), (await portal.App.Grains.GetGrain<IProjectGrain>(projectId).GetAsync())!.Policy.RingTimeout);
        await adminTab.ScreenshotAsync("project-policy-error");
        await adminTab.AssertAccessibleAsync();

        // A test alert, which the project's alert list then holds.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test alert" }).ClickAsync();
        await Expect(page.Locator("#test-alert-sent")).ToBeVisibleAsync();
        await Eventually.ReachesAsync(() => ProjectAlertsAsync(page, projectId), alerts => alerts.Contains("Test alert from CallPing", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the test alert in the project's list");

        // The curl snippet as the page shows it, with a real key in place of the placeholder, raises an alert.
        var curl = await page.Locator("#snippet-curl").TextContentAsync() ?? "";
        var key = (await portal.App.Grains.GetGrain<IProjectGrain>(projectId).IssueApiKeyAsync("snippet", new(adminId, "127.0.0.1"))).Key;
        using var intake = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        using var request = new HttpRequestMessage(HttpMethod.Post, CurlUrl().Match(curl).Groups[1].Value)
        {
            Content = new StringContent(CurlBody().Match(curl).Groups[1].Value, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(CurlAuthorization().Match(curl).Groups[1].Value.Replace("cp_live_YOUR_KEY", key, StringComparison.Ordinal));
        using var raised = await intake.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Contains($"{portal.BaseAddress}api/v1/integrations/alertmanager", await page.Locator("#snippet-alertmanager").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains($"{portal.BaseAddress}api/v1/integrations/grafana", await page.Locator("#snippet-grafana").TextContentAsync(), StringComparison.Ordinal);
        await adminTab.ScreenshotAsync("project");

        // An invitation by e-mail; the colleague logs in, follows the mailed link and joins.
        await adminTab.GotoAsync($"/orgs/{orgId}/members");
        await page.GetByLabel("E-mail address").FillAsync(memberEmail);
        await page.Locator("#invite-role").SelectOptionAsync("member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page.Locator("#invitations tbody tr")).ToContainTextAsync(memberEmail);
        await adminTab.ScreenshotAsync("org-members-invited");
        await adminTab.AssertAccessibleAsync();
        await PortalFixture.LogInAsync(memberTab, memberEmail);
        var member = memberTab.Page;
        await memberTab.GotoAsync(await portal.LinkInMailAsync(memberEmail, "join-org"));
        await member.GetByRole(AriaRole.Button, new() { Name = "Join the organisation" }).ClickAsync();
        await member.WaitForURLAsync($"**/orgs/{orgId}");
        await member.Locator(".org-switcher summary").ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Acme Ops" }).ClickAsync();
        await Expect(member.Locator(".org-switcher summary")).ToHaveTextAsync("Organisation: Acme Ops");

        // The member's view: the organisation and its project, without the controls of owners and admins.
        await Expect(member.Locator("#your-role")).ToHaveTextAsync("member");
        await Expect(member.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Create project" })).ToHaveCountAsync(0);
        await member.GetByRole(AriaRole.Link, new() { Name = "Checkout" }).ClickAsync();
        await Expect(member.Locator("#policy-contacts li")).ToHaveCountAsync(2);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Save policy" })).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Send a test alert" })).ToBeVisibleAsync();
        await memberTab.AssertAccessibleAsync();
        await memberTab.ScreenshotAsync("project-member");
        await memberTab.GotoAsync($"/orgs/{orgId}/members");
        await Expect(member.Locator("#members tbody tr")).ToHaveCountAsync(2);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = false })).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Send invitation" })).ToHaveCountAsync(0);
        await memberTab.ScreenshotAsync("org-members-member");

        // Forced: the audit log's address typed by a member is refused, and the page says so.
        var refused = await member.GotoAsync($"/orgs/{orgId}/audit");
        Assert.Equal(403, refused!.Status);
        await Expect(member.Locator("#refusal")).ToContainTextAsync("Only owners and admins of the organisation see its audit log.");
        await Expect(member.Locator("#audit")).ToHaveCountAsync(0);
        await memberTab.AssertAccessibleAsync();

        // The audit log shows what was done; the kind filter keeps only the membership rows.
        await adminTab.GotoAsync($"/orgs/{orgId}/audit");
        var audit = page.Locator("#audit tbody");
        foreach (var action in new[] { "org.switch", "project.create", "alert.test", "api-key.create", "member.invite", "member.join" })
        {
            await Expect(audit).ToContainTextAsync(action);
        }

        await Expect(audit.Locator("tr", new() { HasText = "member.join" }).Filter(new() { HasText = memberEmail })).ToHaveCountAsync(1);
        await adminTab.ScreenshotAsync("org-audit");
        await page.GetByLabel("Kind of action").SelectOptionAsync("member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/audit?kind=member");
        // The owner's own join when the organisation was made, the invitation, the colleague's join.
        await Expect(audit.Locator("tr")).ToHaveCountAsync(3);
        await Expect(audit).Not.ToContainTextAsync("project.create");
        await Expect(audit).Not.ToContainTextAsync("alert.test");
        await adminTab.AssertAccessibleAsync();

        // The colleague made an admin, then removed after the admin confirms their password.
        await adminTab.GotoAsync($"/orgs/{orgId}/members");
        var row = page.Locator("#members tbody tr", new() { HasText = memberEmail });
        await row.Locator("select").SelectOptionAsync("admin");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Change the role of {memberEmail}" }).ClickAsync();
        await Expect(page.Locator("#members tbody tr", new() { HasText = memberEmail }).Locator("td").Nth(1)).ToHaveTextAsync("admin");
        portal.App.Clock.Advance(TimeSpan.FromMinutes(10));
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {memberEmail}" }).ClickAsync();
        var prompt = page.GetByRole(AriaRole.Dialog, new() { Name = "Confirm it is you" });
        await prompt.GetByLabel("Password").FillAsync(PortalFixture.Password);
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        Assert.Null(await portal.App.Grains.GetGrain<IOrganizationGrain>(orgId).GetRoleAsync((await portal.UserIdAsync(memberEmail))!));
        adminTab.AssertNoErrors("400", "403");
        memberTab.AssertNoErrors("403");
    }

    private static async Task<string> ProjectAlertsAsync(IPage page, string projectId)
    {
        var response = await page.APIRequest.GetAsync($"/api/v1/projects/{projectId}/alerts");
        return response.Ok ? await response.TextAsync() : "";
    }

    private static string Masked(string number) => CallPing.Grains.Interfaces.Models.PhoneNumber.Mask(number);

    [GeneratedRegex(@"curl -X POST (\S+)")]
    private static partial Regex CurlUrl();

    [GeneratedRegex(@"-d '([^']*)'")]
    private static partial Regex CurlBody();

    [GeneratedRegex(@"-H ""Authorization: ([^""]*)""")]
    private static partial Regex CurlAuthorization();
}
