using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>The phone numbers page on an app that places calls: add, verify by a call the simulated phone answers, test call, turn off with a step-up.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class PortalPhoneNumbersTests(PortalFixture portal)
{
    [Fact]
    public async Task PhoneNumbersPage_AddVerifyByCallTestCallTurnOff_EachShownOnThePage()
    {
        var app = await portal.CallingAppAsync();
        await using var tab = await portal.NewTabAsync(app.BaseAddress);
        await PortalFixture.LogInAsync(tab, await portal.SignedUpAsync(tab));
        var page = tab.Page;

        var (number, id) = await CallingSteps.AddAndVerifyNumberAsync(tab, app, "mobile");
        var card = page.Locator($"#number-{id}");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("phone-numbers-verified");
        await card.GetByRole(AriaRole.Button, new() { Name = "Place a test call" }).ClickAsync();
        await Expect(card.Locator(".test-call")).ToHaveTextAsync(Answered());
        await tab.ScreenshotAsync("phone-numbers-test-call");
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await card.GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
        await Expect(page.Locator("#step-up")).ToBeVisibleAsync();
        await page.Locator("#step-up-password").FillAsync(PortalFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(card).ToContainTextAsync("Off: skipped by escalations");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Turn on" })).ToBeVisibleAsync();
        Assert.Equal(2, app.Fleet.Pbxes.Sum(pbx => pbx.Log.Originates.Count(o => o.Number == number)));
        await tab.AssertAccessibleAsync();
        tab.AssertNoErrors("403");
    }

    [GeneratedRegex("^(Answered, on the line|Ended: answered)$")]
    private static partial Regex Answered();
}
