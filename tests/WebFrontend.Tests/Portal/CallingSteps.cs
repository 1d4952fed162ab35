using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using CallPing.PbxSimulator.Scripting;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>What the phone number and alert tests do on the way: through the pages, but for reading ids and making keys in bulk, which go through the JSON API from the page's own session.</summary>
public static class CallingSteps
{
    /// <summary>
    /// Calls the JSON API from the open page as its script does (the session's cookie, the page's antiforgery token)
    /// and answers the JSON body; fails the test on any status but the expected one.
    /// </summary>
    public static async Task<JsonElement> ApiAsync(PortalTab tab, string method, string path, object? body = null, int expected = 200)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var answer = await tab.Page.EvaluateAsync<JsonElement>(
            """
            async ([method, path, body]) => {
              const csrf = document.querySelector('meta[name="csrf-token"]').content;
              const response = await fetch(path, {
                method,
                headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
                body: body === null ? undefined : JSON.stringify(body),
              });
              return { status: response.status, text: await response.text() };
            }
            """, new object?[] { method, path, body });
        var text = answer.GetProperty("text").GetString() ?? "";
        Assert.True(answer.GetProperty("status").GetInt32() == expected, $"{method} {path}: {answer.GetProperty("status").GetInt32()} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>An organisation of the signed-in person with one project, each created from its form; answers their ids.</summary>
    public static async Task<(string OrgId, string ProjectId)> OrgWithProjectAsync(PortalTab tab, string orgName, string projectName)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var page = tab.Page;
        await tab.GotoAsync("/orgs");
        await page.GetByLabel("Name of the organisation").FillAsync(orgName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organisation" }).ClickAsync();
        await page.WaitForURLAsync("**/orgs/*");
        var orgId = page.Url.Split('/')[^1];
        await page.GetByLabel("Name of the project").FillAsync(projectName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.WaitForURLAsync("**/projects/*");
        return (orgId, page.Url.Split('/')[^1]);
    }

    /// <summary>
    /// The project calls that number first, set in the policy editor, with a ring timeout long enough that a ringing
    /// call is still ringing when the test looks.
    /// </summary>
    public static async Task CallFirstAsync(PortalTab tab, string projectId, string phoneNumberId)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var page = tab.Page;
        var userId = (await ApiAsync(tab, "GET", "/api/v1/me")).GetProperty("userId").GetString();
        await tab.GotoAsync($"/projects/{projectId}");
        await page.Locator("#contact-0").SelectOptionAsync(JsonSerializer.Serialize(new { userId, phoneNumberId }));
        await page.GetByLabel("Ring timeout, in seconds").FillAsync("60");
        await page.GetByLabel("Delay before the next contact, in seconds").FillAsync("10");
        await page.GetByLabel("Times through the list").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await page.WaitForURLAsync($"**/projects/{projectId}?saved=policy");
    }

    /// <summary>
    /// Adds a new number on the phone numbers page and verifies it by call: the simulated phone answers and keys in
    /// the code it hears, and the page shows the number verified without a reload. Answers the number and its id.
    /// </summary>
    public static async Task<(string Number, string PhoneNumberId)> AddAndVerifyNumberAsync(PortalTab tab, CallingApp app, string label)
    {
        ArgumentNullException.ThrowIfNull(tab);
        ArgumentNullException.ThrowIfNull(app);
        var number = app.NewPhone(PhoneScript.AnswersAndKeysInTheCode());
        var page = tab.Page;
        await tab.GotoAsync("/phone-numbers");
        await page.GetByLabel("Number, in international form").FillAsync(number);
        await page.GetByLabel("Label, such as").FillAsync(label);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        var card = page.Locator("section.card").Filter(new() { HasText = number });
        await Expect(card).ToContainTextAsync("Not verified yet");
        var phoneNumberId = (await card.GetAttributeAsync("id"))!["number-".Length..];

        await card.GetByRole(AriaRole.Button, new() { Name = "Call me with a code" }).ClickAsync();

        await Expect(card.Locator("dd").Nth(1)).ToHaveTextAsync("Verified");
        return (number, phoneNumberId);
    }

    /// <summary>The owner invites the member on the members page; the member opens the mailed link and joins.</summary>
    public static async Task JoinAsync(PortalFixture portal, PortalTab ownerTab, PortalTab memberTab, string orgId, string memberEmail)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(ownerTab);
        ArgumentNullException.ThrowIfNull(memberTab);
        await ownerTab.GotoAsync($"/orgs/{orgId}/members");
        await ownerTab.Page.GetByLabel("E-mail address").FillAsync(memberEmail);
        await ownerTab.Page.Locator("#invite-role").SelectOptionAsync("member");
        await ownerTab.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(ownerTab.Page.Locator("#invitations tbody tr")).ToContainTextAsync(memberEmail);
        await memberTab.GotoAsync(await portal.LinkInMailAsync(memberEmail, "join-org"));
        await memberTab.Page.GetByRole(AriaRole.Button, new() { Name = "Join the organisation" }).ClickAsync();
        await memberTab.Page.WaitForURLAsync($"**/orgs/{orgId}");
    }

    /// <summary>A new API key of the project, created through the API from the page's session.</summary>
    public static async Task<string> NewKeyAsync(PortalTab tab, string projectId) =>
        (await ApiAsync(tab, "POST", $"/api/v1/projects/{projectId}/keys", new { label = "monitoring" }, 201)).GetProperty("key").GetString()!;

    /// <summary>Monitoring raises an alert with the key, as the intake's clients do; answers the alert's id.</summary>
    public static async Task<string> RaiseAsync(CallingApp app, string key, string summary)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var intake = app.IntakeClient(key);
        using var raised = await intake.PostAsJsonAsync("/api/v1/alerts", new { summary, severity = "critical", action = "trigger" });
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        return (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString()!;
    }
}
