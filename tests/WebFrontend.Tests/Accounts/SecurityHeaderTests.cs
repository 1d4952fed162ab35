using System.Net.Http.Json;
using Microsoft.OpenApi;
using CallPing.WebFrontend.Tests.OpenApi;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>Security headers on every response, CORS closed, and the account API in the OpenAPI document.</summary>
[Collection(AccountsCollection.Name)]
public sealed class SecurityHeaderTests(AccountsFixture fixture)
{
    [Theory]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("POST", "/api/v1/auth/login")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string method, string path)
    {
        using var client = fixture.App.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null });

        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", Header(response, "Content-Security-Policy"));
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task CorsPreflight_FromAnotherOrigin_NotAllowed()
    {
        using var client = fixture.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/auth/login");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task OpenApi_ListsTheAccountApi_SessionSchemeOnSessionEndpointsOnly()
    {
        using var client = fixture.App.CreateClient();
        var (document, _, errors) = OpenApiSpec.Read(await client.GetStringAsync("/openapi/v1.json"));

        var login = document!.Paths["/api/v1/auth/login"].Operations![HttpMethod.Post];
        var me = document.Paths["/api/v1/me"].Operations![HttpMethod.Get];
        var session = document.Components!.SecuritySchemes!["Session"];

        Assert.Empty(errors);
        Assert.Empty(login.Security ?? []);
        Assert.Equal(["Session"], me.Security!.SelectMany(r => r.Keys).Select(k => k.Reference.Id));
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Cookie, "__Host-callping-session"), (session.Type, session.In, session.Name));
        Assert.Contains("/api/v1/auth/signup", document.Paths.Keys);
        Assert.Contains("/api/v1/me/totp", document.Paths.Keys);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
