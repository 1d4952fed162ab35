using Microsoft.Playwright;
using OtpNet;
using CallPing.WebFrontend.Tests.Accounts;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class PortalSignUpTests(PortalFixture portal)
{
    [Fact]
    public async Task SignUp_VerifiedLoggedInAndTotpEnrolled_NextLoginAsksForTheCodeAndLetsIn()
    {
        await using var tab = await portal.NewTabAsync();
        var page = tab.Page;
        var email = await portal.SignedUpAsync(tab);
        await PortalFixture.LogInAsync(tab, email);
        await Expect(page.Locator("#account-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#two-factor-state")).ToContainTextAsync("Off");

        await page.GetByRole(AriaRole.Link, new() { Name = "set up" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor login" }).ClickAsync();
        await Expect(page.Locator("#totp-qr")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor login" })).ToBeHiddenAsync();
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!;
        var qrWidth = await page.Locator("#totp-qr").EvaluateAsync<int>("image => image.naturalWidth");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("two-factor-scan");
        await page.GetByLabel("The 6-digit code the app shows").FillAsync(CodeAt(secret, portal.App.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn two-factor login on" }).ClickAsync();
        await Expect(page.Locator("#recovery-code-list li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#totp-confirm")).ToBeHiddenAsync();
        await tab.ScreenshotAsync("two-factor-recovery-codes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.WaitForURLAsync("**/login");
        portal.App.Clock.Advance(TimeSpan.FromSeconds(30));
        await PortalFixture.SubmitLoginAsync(page, email, PortalFixture.Password);
        await page.WaitForURLAsync("**/login/totp");
        await tab.ScreenshotAsync("login-totp");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(CodeAt(secret, portal.App.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/account");
        Assert.True(qrWidth > 0, "the QR code image did not decode");
        await Expect(page.Locator("#two-factor-state")).ToContainTextAsync("On");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task LogIn_WrongPassword_ShowsTheProblemAtTheFormAndStays()
    {
        await using var tab = await portal.NewTabAsync();
        var email = await portal.SignedUpAsync(tab);
        await tab.GotoAsync("/login");

        await PortalFixture.SubmitLoginAsync(tab.Page, email, "not the password at all");

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail address or the password is wrong");
        Assert.EndsWith("/login", tab.Page.Url, StringComparison.Ordinal);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("login-problem");
        tab.AssertNoErrors("401");
    }

    [Fact]
    public async Task SignUp_WeakPassword_NamesTheProblemAtThePasswordField()
    {
        await using var tab = await portal.NewTabAsync();
        await tab.GotoAsync("/signup");

        await tab.Page.GetByLabel("E-mail address").FillAsync(AccountsApp.NewEmail());
        await tab.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("qwertyuiop");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        var field = tab.Page.GetByLabel("Password", new() { Exact = true });
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tab.Page.Locator("#password-error")).ToContainTextAsync("neighbouring keys");
        await Expect(tab.Page.Locator("#signed-up")).ToBeHiddenAsync();
        tab.AssertNoErrors("400");
    }

    private static string CodeAt(string secret, DateTimeOffset time) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time.UtcDateTime);
}
