using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class PortalPasswordTests(PortalFixture portal)
{
    private const string NewPassword = "a quite different passphrase 77";

    [Fact]
    public async Task ForgotPassword_LinkFromTheMail_SetsAPasswordThatLogsInAndEndsOldSessions()
    {
        await using var tab = await portal.NewTabAsync();
        await using var other = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(tab);
        await PortalFixture.LogInAsync(other, email);
        var link = await ResetLinkAsync(tab, email);

        await tab.GotoAsync(link);
        await tab.Page.GetByLabel("New password").FillAsync(NewPassword);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Set the password" }).ClickAsync();

        await tab.Page.WaitForURLAsync("**/login?reset=1");
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("new password is set");
        await PortalFixture.LogInAsync(tab, email, NewPassword);
        await other.GotoAsync("/account");
        Assert.Contains("/login?next=", other.Page.Url, StringComparison.Ordinal);
        tab.AssertNoErrors();
        other.AssertNoErrors();
    }

    [Fact]
    public async Task ResetLink_UsedTwice_SecondUseShowsTheLinkIsNotValid()
    {
        await using var tab = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(tab);
        var link = await ResetLinkAsync(tab, email);
        await tab.GotoAsync(link);
        await tab.Page.GetByLabel("New password").FillAsync(NewPassword);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Set the password" }).ClickAsync();
        await tab.Page.WaitForURLAsync("**/login?reset=1");

        await tab.GotoAsync(link);
        await tab.Page.GetByLabel("New password").FillAsync("yet another passphrase 99");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Set the password" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link is not valid");
        tab.AssertNoErrors("400");
    }

    [Fact]
    public async Task PasswordChange_TenMinutesAfterLogin_PromptsForThePasswordThenChangesIt()
    {
        await using var tab = await portal.NewTabAsync();
        var page = tab.Page;
        var email = await portal.SignedUpAsync(tab);
        await PortalFixture.LogInAsync(tab, email);
        portal.App.Clock.Advance(TimeSpan.FromMinutes(10));
        await tab.GotoAsync("/account");

        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        var prompt = page.GetByRole(AriaRole.Dialog, new() { Name = "Confirm it is you" });
        await Expect(prompt).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("step-up-prompt");
        await prompt.GetByLabel("Password").FillAsync("not my password at all");
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(prompt.GetByRole(AriaRole.Alert)).ToContainTextAsync("The password is wrong");
        await prompt.GetByLabel("Password").FillAsync(PortalFixture.Password);
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(page.Locator("#password-changed")).ToBeVisibleAsync();
        await Expect(prompt).ToBeHiddenAsync();
        var logout = await tab.ClickForApiAnswerAsync(page.GetByRole(AriaRole.Button, new() { Name = "Log out" }), "/api/v1/auth/logout");
        Assert.Equal(204, logout.Status);
        await page.WaitForURLAsync("**/login");
        await PortalFixture.LogInAsync(tab, email, NewPassword);
        tab.AssertNoErrors("403");
    }

    /// <summary>Asks for a reset link on the forgot-password page and reads it from the mail.</summary>
    private async Task<string> ResetLinkAsync(PortalTab tab, string email)
    {
        await tab.GotoAsync("/forgot-password");
        await tab.Page.GetByLabel("E-mail address").FillAsync(email);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(tab.Page.Locator("#reset-sent")).ToBeVisibleAsync();
        return await portal.LinkInMailAsync(email, "reset-password");
    }
}
