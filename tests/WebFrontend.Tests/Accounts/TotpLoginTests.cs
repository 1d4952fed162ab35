using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using CallPing.TestSupport.Accounts;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>TOTP on an account, as a person with an authenticator app on the app's clock uses it.</summary>
[Collection(AccountsCollection.Name)]
public sealed class TotpLoginTests(AccountsFixture fixture)
{
    private const string Password = SessionLifetimeTests.Password;

    private AccountsApp App => fixture.App;

    [Fact]
    public async Task Enrolment_ShowsSecretAndQrSvg_FirstCodeTurnsItOnWithTenRecoveryCodes()
    {
        var (browser, _, secret, codes) = await EnrolledAsync();
        using var session = browser;

        using var me = await browser.GetAsync("/api/v1/me");
        var profile = await me.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(32, secret.Length);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(profile.GetProperty("totpEnabled").GetBoolean());
        Assert.Equal(10, profile.GetProperty("recoveryCodesLeft").GetInt32());
    }

    [Fact]
    public async Task Login_CodeOfTheStepUsedAtEnrolment_RefusedAsReused_NextStepsCodeAccepted()
    {
        var (browser, email, secret, _) = await EnrolledAsync();
        browser.Dispose();
        using var login = App.NewBrowser();
        var challenge = await ChallengeAsync(login, email);

        using var reused = await AnswerAsync(login, challenge, code: CodeNow(secret));
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        using var fresh = await AnswerAsync(login, challenge, code: CodeNow(secret));

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await login.MeStatusAsync());
    }

    [Fact]
    public async Task Challenge_SixthAnswerAfterFiveWrongCodes_RefusedEvenIfRight_NewLoginWorks()
    {
        var (browser, email, secret, _) = await EnrolledAsync();
        browser.Dispose();
        using var login = App.NewBrowser();
        var challenge = await ChallengeAsync(login, email);
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var wrong = WrongCode(secret);
        var wrongAnswers = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var answer = await AnswerAsync(login, challenge, code: wrong);
            wrongAnswers.Add(answer.StatusCode);
        }

        using var sixth = await AnswerAsync(login, challenge, code: CodeNow(secret));
        var sixthType = (await sixth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString();
        var newChallenge = await ChallengeAsync(login, email);
        using var again = await AnswerAsync(login, newChallenge, code: CodeNow(secret));

        Assert.All(wrongAnswers, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        Assert.Equal("urn:callping:problem:challenge-void", sixthType);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        var (browser, email, _, codes) = await EnrolledAsync();
        browser.Dispose();
        using var first = App.NewBrowser();
        using var second = App.NewBrowser();

        using var used = await AnswerAsync(first, await ChallengeAsync(first, email), recoveryCode: codes[3].ToLowerInvariant());
        using var reused = await AnswerAsync(second, await ChallengeAsync(second, email), recoveryCode: codes[3]);

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
    }

    [Fact]
    public async Task Disable_NeedsStepUp()
    {
        var (browser, _, _, _) = await EnrolledAsync();
        using var session = browser;
        App.Clock.Advance(TimeSpan.FromMinutes(6));

        using var withoutStepUp = await browser.DeleteAsync("/api/v1/me/totp");
        using var stepUp = await browser.PostAsync("/api/v1/auth/step-up", new { password = Password });
        using var afterStepUp = await browser.DeleteAsync("/api/v1/me/totp");
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Forbidden, withoutStepUp.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stepUp.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, afterStepUp.StatusCode);
        Assert.False((await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totpEnabled").GetBoolean());
    }

    /// <summary>A signed-in account with TOTP confirmed by a first code: the browser, address, base32 secret and recovery codes.</summary>
    internal async Task<(Browser Browser, string Email, string Secret, List<string> RecoveryCodes)> EnrolledAsync()
    {
        var browser = App.NewBrowser();
        var email = AccountsApp.NewEmail();
        await browser.SignUpVerifiedAsync(fixture.Smtp, email, Password);
        await browser.LogInAsync(email, Password);
        using var begin = await browser.PostAsync("/api/v1/me/totp");
        Assert.Equal(HttpStatusCode.OK, begin.StatusCode);
        var enrolment = await begin.Content.ReadFromJsonAsync<JsonElement>();
        var secret = enrolment.GetProperty("secret").GetString()!;
        Assert.StartsWith("<svg", enrolment.GetProperty("qrSvg").GetString()!.TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/CallPing:", enrolment.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
        using var confirm = await browser.PostAsync("/api/v1/me/totp/confirm", new { code = CodeNow(secret) });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var codes = (await confirm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (browser, email, secret, codes);
    }

    internal string CodeNow(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(App.Clock.GetUtcNow().UtcDateTime);

    private string WrongCode(string secret)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var near = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static async Task<string> ChallengeAsync(Browser browser, string email)
    {
        using var login = await browser.PostAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var answer = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("totpRequired").GetBoolean());
        Assert.Null(browser.Cookie(Browser.SessionCookie));
        return answer.GetProperty("challengeToken").GetString()!;
    }

    private static Task<HttpResponseMessage> AnswerAsync(Browser browser, string challengeToken, string? code = null, string? recoveryCode = null) =>
        browser.PostAsync("/api/v1/auth/login/totp", new { challengeToken, code, recoveryCode });
}
