using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>Password change needs the password entered within the last 5 minutes, even on a live session.</summary>
[Collection(AccountsCollection.Name)]
public sealed class StepUpTests(AccountsFixture fixture)
{
    private const string Password = SessionLifetimeTests.Password;
    private const string NewPassword = "Quartz-Lantern-Meadow-7";

    private AccountsApp App => fixture.App;

    [Fact]
    public async Task PasswordChange_10MinutesAfterLogin_403UntilPasswordReentered_Then204()
    {
        var email = AccountsApp.NewEmail();
        using var browser = await fixture.SignedUpAndInAsync(email);
        App.Clock.Advance(TimeSpan.FromMinutes(10));

        using var refused = await browser.PostAsync("/api/v1/auth/password", new { newPassword = NewPassword });
        var refusedType = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString();
        using var wrongStepUp = await browser.PostAsync("/api/v1/auth/step-up", new { password = "Not-The-Password-1" });
        using var stepUp = await browser.PostAsync("/api/v1/auth/step-up", new { password = Password });
        using var changed = await browser.PostAsync("/api/v1/auth/password", new { newPassword = NewPassword });
        using var oldLogin = App.NewBrowser();
        using var oldAnswer = await oldLogin.PostAsync("/api/v1/auth/login", new { email, password = Password });
        using var newLogin = App.NewBrowser();
        using var newAnswer = await newLogin.PostAsync("/api/v1/auth/login", new { email, password = NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("urn:callping:problem:step-up-required", refusedType);
        Assert.Equal(HttpStatusCode.Forbidden, wrongStepUp.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stepUp.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newAnswer.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_WithinFiveMinutesOfLogin_EndsEveryOtherSession()
    {
        var email = AccountsApp.NewEmail();
        using var browser = await fixture.SignedUpAndInAsync(email);
        using var other = await fixture.SignedInAsync(email);

        using var changed = await browser.PostAsync("/api/v1/auth/password", new { newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.MeStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await other.MeStatusAsync());
    }
}
