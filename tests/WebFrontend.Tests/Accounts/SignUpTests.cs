using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.WebFrontend.Hosting;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>Sign-up and e-mail verification through a real SMTP server.</summary>
[Collection(AccountsCollection.Name)]
public sealed class SignUpTests(AccountsFixture fixture)
{
    private const string Password = SessionLifetimeTests.Password;

    private AccountsApp App => fixture.App;

    [Fact]
    public async Task FiftyConcurrentSignUps_OneAddress_ExactlyOneAccount()
    {
        var email = AccountsApp.NewEmail();
        var browsers = Enumerable.Range(0, 50).Select(_ => App.NewBrowser()).ToList();

        var statuses = await Task.WhenAll(browsers.Select(async (b, i) =>
        {
            using var response = await b.PostAsync("/api/v1/auth/signup", new { email, password = $"{Password}-{i}" });
            return response.StatusCode;
        }));
        var rows = await App.StoredRowsAsync();
        browsers.ForEach(b => b.Dispose());

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Single(rows, r => r.State == "emailindex" && r.Key == email);
        Assert.Single(rows, r => r.State == "user" && r.Json.Contains($"\"{email}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoSignUps_TheFollowedLinkDecidesThePassword()
    {
        var email = AccountsApp.NewEmail();
        using var stranger = App.NewBrowser();
        using var owner = App.NewBrowser();
        const string OwnersPassword = "Owners-Own-Choice-31";

        using var first = await stranger.PostAsync("/api/v1/auth/signup", new { email, password = Password });
        var strangersToken = await fixture.Smtp.NextTokenAsync(email, "verify-email");
        using var second = await owner.PostAsync("/api/v1/auth/signup", new { email, password = OwnersPassword });
        var ownersToken = await fixture.Smtp.NextTokenAsync(email, "verify-email");
        using var beforeVerification = await stranger.PostAsync("/api/v1/auth/login", new { email, password = Password });
        using var verified = await owner.PostAsync("/api/v1/auth/verify-email", new { token = ownersToken });
        using var strangersLink = await stranger.PostAsync("/api/v1/auth/verify-email", new { token = strangersToken });
        using var strangersLogin = await stranger.PostAsync("/api/v1/auth/login", new { email, password = Password });
        using var ownersLogin = await owner.PostAsync("/api/v1/auth/login", new { email, password = OwnersPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, beforeVerification.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, strangersLink.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, strangersLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownersLogin.StatusCode);
    }

    [Fact]
    public async Task SignUp_VerifiedAddress_SameAnswer_PasswordUnchanged()
    {
        var email = AccountsApp.NewEmail();
        using var browser = App.NewBrowser();
        await browser.SignUpVerifiedAsync(fixture.Smtp, email, Password);

        using var again = await browser.PostAsync("/api/v1/auth/signup", new { email, password = "Takeover-Attempt-77" });
        using var takeover = await browser.PostAsync("/api/v1/auth/login", new { email, password = "Takeover-Attempt-77" });
        using var owner = await browser.PostAsync("/api/v1/auth/login", new { email, password = Password });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, takeover.StatusCode);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task SignUp_SameAddressInAnotherCaseAndWidth_IsTheSameAccount()
    {
        var local = $"u{Guid.NewGuid():N}";
        using var browser = App.NewBrowser();
        await browser.SignUpVerifiedAsync(fixture.Smtp, $"{local}@example.test", Password);

        using var login = await browser.PostAsync("/api/v1/auth/login", new { email = $"{local.ToUpperInvariant()}＠EXAMPLE.test", password = Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotNull(await App.Grains.GetGrain<IEmailIndexGrain>($"{local}@example.test").GetUserIdAsync());
    }

    [Fact]
    public async Task NoSmtpConfigured_MessageWrittenAsEmlUnderTheDataFolder()
    {
        await using var app = new AccountsApp(AccountsFixture.WithLimitsLifted([]));
        using var browser = app.NewBrowser();
        var email = AccountsApp.NewEmail();
        var folder = Path.Combine(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder, "mail");

        using var signUp = await browser.PostAsync("/api/v1/auth/signup", new { email, password = Password });
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];

        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var text = await File.ReadAllTextAsync(Assert.Single(files));
        Assert.Contains($"To: {email}", text);
        Assert.Contains("/verify-email?token=", text);
    }
}
