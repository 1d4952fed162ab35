using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.TestSupport;
using CallPing.TestSupport.Accounts;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>
/// The portal as a person reaches it: the real app served by Kestrel over HTTPS (the session and antiforgery cookies
/// are Secure) on a free port of 127.0.0.1 with a certificate made for the run, a real SMTP server for its mails,
/// and Debian's Chromium, headless, driven by Playwright. The portal tests share it and run one after another. Tests
/// that need calls placed ask for <see cref="CallingAppAsync"/>: a second app, started once for the collection, which
/// the same browser and SMTP server serve.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>What a password the tests sign up with looks like: long and not a common one.</summary>
    public const string Password = "correct horse battery staple 42";

    private readonly SemaphoreSlim _callingStart = new(1, 1);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private X509Certificate2 _serving = null!;
    private CallingApp? _calling;

    public SmtpServer Smtp { get; private set; } = null!;

    public AccountsApp App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the screenshots go: the test results folder of test.sh, which git ignores.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, ".test-results", "portal-screenshots");

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartAsync();
        var port = FreePort.Next();
        BaseAddress = new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var settings = AccountsFixture.WithLimitsLifted(Smtp.Settings());
        settings["Accounts:PublicBaseUrl"] = BaseAddress.ToString();
        App = new AccountsApp(settings);
        using var certificate = SelfSignedCertificate();
        _serving = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        App.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(_serving)));
        App.StartServer();

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Assertions.SetDefaultExpectTimeout(30_000);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>The app that places calls through simulated PBXes, started by the first test that asks for it.</summary>
    public async Task<CallingApp> CallingAppAsync()
    {
        await _callingStart.WaitAsync();
        try
        {
            return _calling ??= await CallingApp.StartAsync(Smtp, _serving);
        }
        finally
        {
            _callingStart.Release();
        }
    }

    /// <summary>
    /// A new browser profile (its own cookies and storage) with one tab, as a second person or device would have, on
    /// the accounts app or on the one given (<see cref="CallingApp.BaseAddress"/>).
    /// </summary>
    public async Task<PortalTab> NewTabAsync(Uri? baseAddress = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseAddress ?? BaseAddress).ToString().TrimEnd('/'),
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1024, Height = 800 },
        });
        return await PortalTab.OpenAsync(context);
    }

    /// <summary>A verified account of a new address, made through the pages: sign up, then the mailed link.</summary>
    public async Task<string> SignedUpAsync(PortalTab tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var email = AccountsApp.NewEmail();
        await tab.GotoAsync("/signup");
        await tab.Page.GetByLabel("E-mail address").FillAsync(email);
        await tab.Page.GetByLabel("Password").FillAsync(Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#signed-up")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" })).ToBeHiddenAsync();

        await tab.GotoAsync(await LinkInMailAsync(email, "verify-email"));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#verified")).ToBeVisibleAsync();
        return email;
    }

    /// <summary>Logs in through the login page with the password (TOTP off), landing on the account page.</summary>
    public static async Task LogInAsync(PortalTab tab, string email, string password = Password, bool staySignedIn = false)
    {
        ArgumentNullException.ThrowIfNull(tab);
        await tab.GotoAsync("/login");
        await SubmitLoginAsync(tab.Page, email, password, staySignedIn);
        await tab.Page.WaitForURLAsync("**/account");
    }

    /// <summary>Fills in and sends the login form of the page open now.</summary>
    public static async Task SubmitLoginAsync(IPage page, string email, string password, bool staySignedIn = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Stay logged in").SetCheckedAsync(staySignedIn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>The path and query of the next link to that page ("verify-email", "reset-password") mailed to the address.</summary>
    public async Task<string> LinkInMailAsync(string email, string page) =>
        $"/{page}?token={Uri.EscapeDataString(await Smtp.NextTokenAsync(email, page))}";

    /// <summary>An organisation of the owner (made through its grain, as the API would) with a project, and others joined by invitations.</summary>
    public async Task<(string OrgId, string ProjectId)> OrgWithProjectAsync(string ownerEmail, params (string Email, OrgRole Role)[] joining)
    {
        var grains = App.Grains;
        var owner = new AuditContext((await UserIdAsync(ownerEmail))!, "127.0.0.1");
        var orgId = Guid.NewGuid().ToString("N");
        var org = grains.GetGrain<IOrganizationGrain>(orgId);
        await org.CreateAsync("Keys Ltd", ownerEmail, owner);
        var projectId = (await org.CreateProjectAsync("Web shop", owner)).CreatedId!;
        foreach (var (email, role) in joining)
        {
            var secret = SecretHash.NewSecret();
            await org.InviteAsync(new NewInvitation(email, role, SecretHash.Of(secret), App.Clock.GetUtcNow().AddDays(7)), owner);
            Assert.Equal(OrgOutcome.Done, (await org.JoinAsync(SecretHash.Of(secret), email, new AuditContext((await UserIdAsync(email))!, "127.0.0.1"))).Outcome);
        }

        return (orgId, projectId);
    }

    /// <summary>The user id of an account's address.</summary>
    public Task<string?> UserIdAsync(string email) =>
        App.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalise(email, out _)!).GetUserIdAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        if (_calling is not null)
        {
            await _calling.DisposeAsync();
        }

        await App.DisposeAsync();
        _serving.Dispose();
        _callingStart.Dispose();
        await Smtp.DisposeAsync();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
