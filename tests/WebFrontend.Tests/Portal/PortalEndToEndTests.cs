using Microsoft.Playwright;
using OtpNet;
using CallPing.PbxSimulator.Scripting;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>The story in one browser, on an app that places calls: from signing up to acknowledging the first alert, with a screenshot of each main page.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalEndToEndTests(PortalFixture portal)
{
    [Fact]
    public async Task NewUser_SignsUpToAcknowledgingAnAlert_EveryStepOnThePages()
    {
        var app = await portal.CallingAppAsync();
        await using var tab = await portal.NewTabAsync(app.BaseAddress);
        var page = tab.Page;

        var email = await portal.SignedUpAsync(tab);
        await PortalFixture.LogInAsync(tab, email);
        await tab.ScreenshotAsync("story-1-account");
        await tab.GotoAsync("/account/two-factor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor login" }).ClickAsync();
        await Expect(page.Locator("#totp-qr")).ToBeVisibleAsync();
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!;
        await page.GetByLabel("The 6-digit code the app shows").FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn two-factor login on" }).ClickAsync();
        await Expect(page.Locator("#recovery-code-list li")).ToHaveCountAsync(10);
        await tab.ScreenshotAsync("story-2-two-factor");
        var (_, projectId) = await CallingSteps.OrgWithProjectAsync(tab, "Story Ltd", "Shop");
        var (number, phoneNumberId) = await CallingSteps.AddAndVerifyNumberAsync(tab, app, "mobile");
        await tab.ScreenshotAsync("story-3-phone-numbers");
        app.Fleet.Script(number, PhoneScript.RingsWithoutAnswer());
        await CallingSteps.CallFirstAsync(tab, projectId, phoneNumberId);
        await tab.GotoAsync($"/projects/{projectId}/keys");
        await page.GetByLabel("Label, to tell what uses the key").FillAsync("alertmanager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(page.Locator("#new-key")).ToBeVisibleAsync();
        var key = (await page.Locator("#new-key-value").TextContentAsync())!;
        await tab.ScreenshotAsync("story-4-api-key");
        await tab.GotoAsync($"/projects/{projectId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/projects/{projectId}/alerts");
        await CallingSteps.RaiseAsync(app, key, "Test alert from the story");
        await page.GetByRole(AriaRole.Link, new() { Name = "Test alert from the story" }).ClickAsync();
        await Expect(page.Locator(".tries li").First).ToContainTextAsync("Ringing");
        // The simulated phone rings: the number's second call, after its verification call.
        Assert.Equal(2, app.Fleet.Pbxes.Sum(pbx => pbx.Log.Originates.Count(o => o.Number == number)));
        await tab.ScreenshotAsync("story-5-alert-ringing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Expect(page.Locator("#alert-state")).ToHaveTextAsync("acknowledged");
        await Expect(page.Locator("#alert")).ToContainTextAsync($"by {email}");
        await tab.ScreenshotAsync("story-6-alert-acknowledged");
        await tab.GotoAsync($"/projects/{projectId}/alerts");
        await Expect(page.Locator("#alerts tbody tr .state")).ToHaveTextAsync("acknowledged");
        tab.AssertNoErrors();
    }
}
