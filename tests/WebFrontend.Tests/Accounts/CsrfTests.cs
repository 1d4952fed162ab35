using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>Every cookie-authenticated change needs the session's antiforgery token; without it: 403 and nothing changes.</summary>
[Collection(AccountsCollection.Name)]
public sealed class CsrfTests(AccountsFixture fixture)
{
    private const string Password = SessionLifetimeTests.Password;

    private AccountsApp App => fixture.App;

    [Fact]
    public async Task LogoutEverywhere_WithoutToken_403AndOtherSessionsLive()
    {
        var email = AccountsApp.NewEmail();
        using var browser = await fixture.SignedUpAndInAsync(email);
        using var other = await fixture.SignedInAsync(email);
        browser.CsrfToken = null;

        using var response = await browser.PostAsync("/api/v1/auth/logout-everywhere");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:callping:problem:csrf-token-invalid", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, await other.MeStatusAsync());
        Assert.Equal(HttpStatusCode.OK, await browser.MeStatusAsync());
    }

    [Fact]
    public async Task TotpEnrolment_WithAnotherSessionsToken_403AndNoEnrolmentStored()
    {
        var email = AccountsApp.NewEmail();
        using var browser = await fixture.SignedUpAndInAsync(email);
        using var other = await fixture.SignedInAsync(email);
        var before = (await App.StoredUserAsync(email)).ToString();
        browser.CsrfToken = other.CsrfToken;

        using var response = await browser.PostAsync("/api/v1/me/totp");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await App.StoredUserAsync(email)).ToString());
    }

    [Fact]
    public async Task Logout_WithToken_EndsTheSession()
    {
        var email = AccountsApp.NewEmail();
        using var browser = await fixture.SignedUpAndInAsync(email);
        using var thief = App.NewBrowser();
        thief.CopyCookiesFrom(browser);

        using var response = await browser.PostAsync("/api/v1/auth/logout");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await thief.MeStatusAsync());
    }

    [Fact]
    public async Task BearerIntake_IsNotCookieAuthenticated_NeedsNoToken()
    {
        var (_, _, client) = await App.NewProjectAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full", severity = "critical", action = "trigger", dedupKey = "csrf-free" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
