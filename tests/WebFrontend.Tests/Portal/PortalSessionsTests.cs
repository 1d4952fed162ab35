using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class PortalSessionsTests(PortalFixture portal)
{
    [Fact]
    public async Task SessionsPage_LogOutAllOthers_ListsBothThenEndsTheOtherBrowsersSession()
    {
        await using var laptop = await portal.NewTabAsync();
        await using var phone = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(laptop);
        await PortalFixture.LogInAsync(laptop, email);
        await PortalFixture.LogInAsync(phone, email, staySignedIn: true);
        await laptop.GotoAsync("/account/sessions");
        var rows = laptop.Page.Locator("#sessions tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "This session" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "Another" })).ToContainTextAsync("Yes");
        await laptop.ScreenshotAsync("sessions");

        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Log out all other sessions" }).ClickAsync();

        await laptop.Page.WaitForURLAsync("**/account/sessions?ended=1");
        await Expect(laptop.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logged out 1 other session");
        await Expect(rows).ToHaveCountAsync(1);
        await phone.GotoAsync("/account");
        Assert.Contains("/login?next=", phone.Page.Url, StringComparison.Ordinal);
        await laptop.GotoAsync("/account");
        Assert.EndsWith("/account", laptop.Page.Url, StringComparison.Ordinal);
        laptop.AssertNoErrors();
        phone.AssertNoErrors();
    }
}
