using System.Net.Http.Json;
using System.Text.Json;
using CallPing.TestSupport.Accounts;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>One signed-in person: their browser, user id and address.</summary>
public sealed record Person(Browser Browser, string UserId, string Email) : IDisposable
{
    /// <summary>Signs a new account up and in, and reads its user id from /api/v1/me.</summary>
    public static async Task<Person> SignUpAsync(AccountsFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var email = AccountsApp.NewEmail();
        var browser = await fixture.SignedUpAndInAsync(email);
        var me = await browser.GetAsync("/api/v1/me");
        var userId = (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
        return new Person(browser, userId, email);
    }

    /// <summary>Logs in again, so that the session's password entry is fresh for step-up operations.</summary>
    public Task StepUpAsync() => Browser.PostAsync("/api/v1/auth/step-up", new { password = SessionLifetimeTests.Password });

    public void Dispose() => Browser.Dispose();
}
