using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Admin;

/// <summary>Orleans' dashboard on the real Silo app under /admin/dashboard, behind the admin token.</summary>
public sealed class AdminDashboardTests(AdminDashboardTests.App app) : IClassFixture<AdminDashboardTests.App>
{
    private const string Token = "dashboard-tests-admin-token";

    public sealed class App() : IntakeApp(new Dictionary<string, string?> { ["Admin:Token"] = Token });

    [Theory]
    [InlineData(null)]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    public async Task Dashboard_WithoutTheAdminToken_401AskingForBasicCredentials(string? scheme)
    {
        using var client = app.CreateClient();
        if (scheme is not null)
        {
            client.DefaultRequestHeaders.Authorization = scheme == "Basic" ? Basic("not-the-token") : new AuthenticationHeaderValue(scheme, "not-the-token");
        }

        using var page = await client.GetAsync("/admin/dashboard/index.html");
        using var counters = await client.GetAsync("/admin/dashboard/DashboardCounters");

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, counters.StatusCode);
        Assert.Equal("Basic", page.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Dashboard_AdminTokenAsBasicPassword_ServesThePageAndTheSilosCounters()
    {
        var (_, _, alerts) = await app.NewProjectAsync();
        using var trigger = await alerts.TriggerAsync("dashboard");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(Token);

        using var page = await client.GetAsync("/admin/dashboard/index.html");
        using var counters = await client.GetAsync("/admin/dashboard/DashboardCounters");
        var body = await counters.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        // The API's policy allows nothing; the dashboard's page must be allowed to load its own script and styles.
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(counters.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("totalActivationCount").GetInt32() > 0, body);
    }

    private static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{password}")));
}
