using CallPing.TestSupport.Accounts;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>
/// One SMTP server and one accounts app for the account tests, which run one after another (they move the app's
/// clock); each test makes its own accounts. Rate limits are lifted here; the rate limit tests start an app of their own.
/// </summary>
public sealed class AccountsFixture : IAsyncLifetime
{
    public SmtpServer Smtp { get; private set; } = null!;

    public AccountsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartAsync();
        App = new AccountsApp(WithLimitsLifted(Smtp.Settings()));
        _ = App.Server;
    }

    /// <summary>A browser signed in to a new verified account of that address, with its antiforgery token.</summary>
    public async Task<Browser> SignedUpAndInAsync(string email, bool staySignedIn = false)
    {
        var browser = App.NewBrowser();
        await browser.SignUpVerifiedAsync(Smtp, email, SessionLifetimeTests.Password);
        await browser.LogInAsync(email, SessionLifetimeTests.Password, staySignedIn);
        return browser;
    }

    /// <summary>Another browser signed in to that account.</summary>
    public async Task<Browser> SignedInAsync(string email)
    {
        var browser = App.NewBrowser();
        await browser.LogInAsync(email, SessionLifetimeTests.Password);
        return browser;
    }

    public static Dictionary<string, string?> WithLimitsLifted(Dictionary<string, string?> settings)
    {
        settings["Accounts:IpPermitsPerMinute"] = "1000000";
        settings["Accounts:AccountPermitsPerMinute"] = "1000000";
        return settings;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsFixture>
{
    public const string Name = "accounts";
}
