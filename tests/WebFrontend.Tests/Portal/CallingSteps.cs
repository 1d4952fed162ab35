using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using CallPing.PbxSimulator.Scripting;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>What the phone number and alert tests do on the way: through the pages where CallPing has them, else through the JSON API from the page's own session.</summary>
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

    /// <summary>
    /// An organisation of the signed-in person with one project, created through the API from the page's session.
    /// TODO(merge): org/project pages — create them through the organisation and project pages once they are here.
    /// </summary>
    public static async Task<(string OrgId, string ProjectId)> OrgWithProjectAsync(PortalTab tab, string orgName, string projectName)
    {
        var orgId = (await ApiAsync(tab, "POST", "/api/v1/orgs", new { name = orgName }, 201)).GetProperty("orgId").GetString()!;
        var projectId = (await ApiAsync(tab, "POST", $"/api/v1/orgs/{orgId}/projects", new { name = projectName }, 201)).GetProperty("projectId").GetString()!;
        return (orgId, projectId);
    }

    /// <summary>
    /// The project calls that number first: the policy set through the API from the page's session, with a ring
    /// timeout long enough that a ringing call is still ringing when the test looks. TODO(merge): org/project pages
    /// (the policy editor).
    /// </summary>
    public static async Task CallFirstAsync(PortalTab tab, string projectId, string phoneNumberId)
    {
        var userId = (await ApiAsync(tab, "GET", "/api/v1/me")).GetProperty("userId").GetString();
        await ApiAsync(tab, "PUT", $"/api/v1/projects/{projectId}/policy",
            new { contacts = new[] { new { userId, phoneNumberId } }, ringTimeoutSeconds = 60, stepDelaySeconds = 10, repeats = 1 }, 204);
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

    /// <summary>
    /// The member joins the organisation by the invitation the owner sends, its token read from the mail. TODO(merge):
    /// org/project pages (invitations and the join page).
    /// </summary>
    public static async Task JoinAsync(PortalFixture portal, PortalTab ownerTab, PortalTab memberTab, string orgId, string memberEmail)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await ApiAsync(ownerTab, "POST", $"/api/v1/orgs/{orgId}/invitations", new { email = memberEmail, role = "member" }, 201);
        var token = await portal.Smtp.NextTokenAsync(memberEmail, "join-org");
        await ApiAsync(memberTab, "POST", "/api/v1/orgs/join", new { token }, 204);
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
