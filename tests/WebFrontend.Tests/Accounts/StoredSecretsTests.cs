using System.Text;
using System.Text.Json;
using CallPing.TestSupport.Accounts;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>What an attacker who reads the store gets: no password, TOTP secret, recovery code, session id or link token in clear.</summary>
[Collection(AccountsCollection.Name)]
public sealed class StoredSecretsTests(AccountsFixture fixture)
{
    [Fact]
    public async Task StoredRows_HoldNoPlaintextSecret()
    {
        var totp = new TotpLoginTests(fixture);
        var (browser, email, secret, codes) = await totp.EnrolledAsync();
        using var session = browser;
        var sessionId = SessionIdOf(browser.Cookie(Browser.SessionCookie)!);
        using var asked = await browser.PostAsync("/api/v1/auth/forgot-password", new { email });
        var resetToken = await fixture.Smtp.NextTokenAsync(email, "reset-password");

        var rows = await fixture.App.StoredRowsAsync();
        var stored = string.Join("\n", rows.Select(r => r.Json));
        var user = (await fixture.App.StoredUserAsync(email)).ToString();

        var secrets = new List<string> { SessionLifetimeTests.Password, secret, sessionId, resetToken.Split('.')[1] };
        secrets.AddRange(codes);
        secrets.AddRange(codes.Select(RecoveryCodes.Normalise));
        Assert.All(secrets, s => Assert.DoesNotContain(s, stored, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("AQAAAA", user, StringComparison.Ordinal); // an Identity v3 PBKDF2 hash, base64 of format marker 0x01
        Assert.Contains("CfDJ8", user, StringComparison.Ordinal); // a Data Protection payload (magic header 09 F0 C9 F0)
    }

    private static string SessionIdOf(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.GetProperty("sid").GetString()!;
    }
}
