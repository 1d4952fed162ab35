using System.Net;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>Password reset by a link mailed to the verified address: single use, an hour long, ending every session.</summary>
[Collection(AccountsCollection.Name)]
public sealed class PasswordResetTests(AccountsFixture fixture)
{
    private const string Password = SessionLifetimeTests.Password;
    private const string NewPassword = "Quartz-Lantern-Meadow-7";

    private AccountsApp App => fixture.App;

    [Fact]
    public async Task ResetLink_UsedOnce_SetsPasswordAndEndsSessions_SecondUseRefused()
    {
        var email = AccountsApp.NewEmail();
        using var browser = await fixture.SignedUpAndInAsync(email);
        using var stranger = App.NewBrowser();

        using var asked = await stranger.PostAsync("/api/v1/auth/forgot-password", new { email });
        var token = await fixture.Smtp.NextTokenAsync(email, "reset-password");
        using var reset = await stranger.PostAsync("/api/v1/auth/reset-password", new { token, newPassword = NewPassword });
        using var again = await stranger.PostAsync("/api/v1/auth/reset-password", new { token, newPassword = "Another-Fine-Answer-9" });
        using var login = await stranger.PostAsync("/api/v1/auth/login", new { email, password = NewPassword });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.MeStatusAsync());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task ResetLink_AfterAnHour_Refused()
    {
        var email = AccountsApp.NewEmail();
        using var browser = App.NewBrowser();
        await browser.SignUpVerifiedAsync(fixture.Smtp, email, Password);

        using var asked = await browser.PostAsync("/api/v1/auth/forgot-password", new { email });
        var token = await fixture.Smtp.NextTokenAsync(email, "reset-password");
        App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var reset = await browser.PostAsync("/api/v1/auth/reset-password", new { token, newPassword = NewPassword });
        using var login = await browser.PostAsync("/api/v1/auth/login", new { email, password = Password });

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_SameAnswerAndNoMail()
    {
        var email = AccountsApp.NewEmail();
        using var browser = App.NewBrowser();

        using var asked = await browser.PostAsync("/api/v1/auth/forgot-password", new { email });
        var body = await asked.Content.ReadAsStringAsync();
        var mailed = await Record.ExceptionAsync(() => fixture.Smtp.NextMessageToAsync(email, TimeSpan.FromSeconds(2)));

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Contains("If this address has an account", body);
        Assert.NotNull(mailed);
    }
}
