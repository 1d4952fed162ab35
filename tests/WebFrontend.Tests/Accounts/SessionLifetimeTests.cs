using System.Net;
using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.TestSupport.Accounts;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>Session caps on the app's fake clock: 24 h idle, 7 days idle with "stay logged in", 90 days from creation at most.</summary>
[Collection(AccountsCollection.Name)]
public sealed class SessionLifetimeTests(AccountsFixture fixture)
{
    public const string Password = "Plum-Harbor-Violet-42";

    private AccountsApp App => fixture.App;

    [Fact]
    public async Task NormalSession_IdleFor24Hours_Refused()
    {
        using var browser = await SignedInAsync(staySignedIn: false);

        App.Clock.Advance(TimeSpan.FromHours(23));
        var after23Hours = await browser.MeStatusAsync();
        App.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var after24HoursIdle = await browser.MeStatusAsync();

        Assert.Equal(HttpStatusCode.OK, after23Hours);
        Assert.Equal(HttpStatusCode.Unauthorized, after24HoursIdle);
    }

    [Fact]
    public async Task StayLoggedInSession_IdleFor7Days_Refused()
    {
        using var browser = await SignedInAsync(staySignedIn: true);

        App.Clock.Advance(TimeSpan.FromDays(6));
        var after6Days = await browser.MeStatusAsync();
        App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var after7DaysIdle = await browser.MeStatusAsync();

        Assert.Equal(HttpStatusCode.OK, after6Days);
        Assert.Equal(HttpStatusCode.Unauthorized, after7DaysIdle);
    }

    [Fact]
    public async Task StayLoggedInSession_UsedEvery6Days_RefusedAfter90DaysFromCreation()
    {
        using var browser = await SignedInAsync(staySignedIn: true);
        var statuses = new List<HttpStatusCode>();

        for (var day = 6; day <= 84; day += 6)
        {
            App.Clock.Advance(TimeSpan.FromDays(6));
            statuses.Add(await browser.MeStatusAsync());
        }

        App.Clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromMinutes(1));
        var justBefore90Days = await browser.MeStatusAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var after90Days = await browser.MeStatusAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, justBefore90Days);
        Assert.Equal(HttpStatusCode.Unauthorized, after90Days);
    }

    [Fact]
    public async Task SessionCookie_IsHostPrefixedHttpOnlySecureLax()
    {
        using var browser = App.NewBrowser();
        var email = AccountsApp.NewEmail();
        await browser.SignUpVerifiedAsync(fixture.Smtp, email, Password);

        using var login = await browser.PostAsync("/api/v1/auth/login", new { email, password = Password, staySignedIn = true });

        var cookie = Assert.Single(browser.LastSetCookies, c => c.StartsWith(Browser.SessionCookie + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=lax", cookie);
        Assert.Contains("; path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
        Assert.Contains("; expires=", cookie);
    }

    [Fact]
    public async Task SweepReminder_DropsExpiredSessionsFromTheStore()
    {
        var email = AccountsApp.NewEmail();
        using var browser = await SignedInAsync(staySignedIn: false, email);
        var userId = await App.Grains.GetGrain<IEmailIndexGrain>(email).GetUserIdAsync();
        using var second = await fixture.SignedInAsync(email);

        App.Clock.Advance(TimeSpan.FromHours(25));
        await App.Grains.GetGrain<IUserGrain>(userId!).AsReference<IRemindable>()
            .ReceiveReminder(UserGrain.SweepReminder, new TickStatus(DateTime.UtcNow, AccountPolicy.SweepPeriod, DateTime.UtcNow));
        var stored = await App.StoredUserAsync(email);

        Assert.Empty(stored.EnumerateObject().Single(p => p.NameEquals("Sessions") || p.NameEquals("sessions")).Value.EnumerateObject());
    }

    private async Task<Browser> SignedInAsync(bool staySignedIn, string? email = null)
    {
        var browser = await fixture.SignedUpAndInAsync(email ?? AccountsApp.NewEmail(), staySignedIn);
        Assert.Equal(HttpStatusCode.OK, await browser.MeStatusAsync());
        return browser;
    }
}
