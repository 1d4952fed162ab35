using System.Text;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>Hostile bodies to the account endpoints get 4xx problem+json, never a 500, and create nothing.</summary>
[Collection(AccountsCollection.Name)]
public sealed class AuthHostileInputTests(AccountsFixture fixture)
{
    private static readonly string[] AuthEndpoints =
    [
        "/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/auth/login/totp", "/api/v1/auth/verify-email",
        "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password",
    ];

    public static TheoryData<string> Endpoints() => new(AuthEndpoints);

    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>();
        var bodies = new Dictionary<string, string>
        {
            ["empty object"] = "{}",
            ["null"] = "null",
            ["array"] = "[1,2,3]",
            ["not JSON"] = "email=a@b.c&password=x",
            ["truncated"] = "{\"email\": \"a@example.test\", \"password\": ",
            ["wrong types"] = "{\"email\": 5, \"password\": [\"x\"], \"token\": {}, \"challengeToken\": true, \"staySignedIn\": \"yes\"}",
            ["long strings"] = $"{{\"email\": \"{new string('a', 5000)}@example.test\", \"password\": \"{new string('p', 5000)}\", \"token\": \"{new string('t', 5000)}\", \"newPassword\": \"{new string('n', 5000)}\"}}",
            ["over 16 KiB"] = $"{{\"email\": \"{new string('a', 20_000)}@example.test\"}}",
            ["deep nesting"] = $"{{\"email\": {new string('[', 10_000)}{new string(']', 10_000)}}}",
            ["nested object"] = "{\"email\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": 1}}}}}}",
            ["right-to-left override"] = "{\"email\": \"admin\\u202E@example.test\", \"password\": \"Plum-Harbor-Violet-42\"}",
            ["zero-width space"] = "{\"email\": \"ad\\u200Bmin@example.test\", \"password\": \"Plum-Harbor-Violet-42\"}",
            ["lone surrogate"] = "{\"email\": \"a\\uD800b@example.test\", \"password\": \"Plum-Harbor-Violet-42\"}",
            ["nul character"] = "{\"email\": \"a\\u0000@example.test\", \"password\": \"Plum\\u0000Harbor-Violet-42\"}",
            ["two at signs"] = "{\"email\": \"a@b@example.test\", \"password\": \"Plum-Harbor-Violet-42\"}",
            ["malformed tokens"] = "{\"token\": \"../../etc/passwd\", \"challengeToken\": \"0123.\\u0000\", \"code\": \"12345678901234567890\", \"newPassword\": \"Plum-Harbor-Violet-42\"}",
        };
        foreach (var (name, body) in bodies)
        {
            data.Add(name, body);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryAuthEndpoint_HostileBody_4xxProblemJson(string what, string body)
    {
        using var client = fixture.App.CreateClient();
        var rowsBefore = (await fixture.App.StoredRowsAsync()).Count(r => r.State is "user" or "emailindex");

        foreach (var endpoint in AuthEndpoints)
        {
            using var response = await client.PostBytesAsync(endpoint, Encoding.UTF8.GetBytes(body));
            var status = (int)response.StatusCode;

            Assert.True(status is >= 400 and < 500, $"{what} to {endpoint}: {status} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(rowsBefore, (await fixture.App.StoredRowsAsync()).Count(r => r.State is "user" or "emailindex"));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AuthEndpoint_InvalidUtf8OrWrongContentType_4xxProblemJson(string endpoint)
    {
        using var client = fixture.App.CreateClient();

        using var badBytes = await client.PostBytesAsync(endpoint, [(byte)'{', (byte)'"', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}']);
        using var text = await client.PostBytesAsync(endpoint, Encoding.UTF8.GetBytes("{}"), "text/plain");
        using var none = await client.PostBytesAsync(endpoint, [], null);

        Assert.All(new[] { badBytes, text, none }, r =>
        {
            Assert.InRange((int)r.StatusCode, 400, 499);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
    }
}
