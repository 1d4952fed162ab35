using System.Net;
using System.Text;
using System.Text.Json;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests;

/// <summary>The hosts as an operator runs them: real processes configured through environment variables.</summary>
public sealed class HostStartupTests(RunningSilo running) : IClassFixture<RunningSilo>, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Silo_DefaultSettings_AnswersHealthzAndReadyz()
    {
        var silo = running.Host;

        var healthz = await silo.Http.GetAsync("/healthz");
        using var readyz = JsonDocument.Parse(await silo.Http.GetStringAsync("/readyz"));
        var store = readyz.RootElement.GetProperty("checks").GetProperty("store");

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal("Healthy", readyz.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", store.GetProperty("status").GetString());
        Assert.Contains(Path.Combine(running.DataFolder, "callping.db"), store.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Silo_DefaultSettings_ServesTheWebRoleAndRunsTheWorkerRole()
    {
        var silo = running.Host;

        using var intake = await silo.Http.PostAsync("/api/v1/alerts",
            new StringContent("""{"summary":"Disk full","severity":"critical","action":"trigger"}""", Encoding.UTF8, "application/json"));

        // The web role's intake is mapped (it asks for a key rather than 404), and the worker role runs the simulated fleet.
        Assert.Equal(HttpStatusCode.Unauthorized, intake.StatusCode);
        await Eventually.ReachesAsync(() => Task.FromResult(silo.Output.Contains("running a SIMULATED fleet", StringComparison.Ordinal)), seen => seen,
            TimeSpan.FromSeconds(10), "the simulated fleet's line");
    }

    [Theory]
    [InlineData("Pbx:HealthCheckInterval", "-00:00:05", "Pbx:HealthCheckInterval must be between")]
    [InlineData("Pbx:HealthCheckInterval", "soon", "Pbx:HealthCheckInterval")]
    [InlineData("Silo:Roles", "cook", "Silo:Roles must list web and/or worker")]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider")]
    [InlineData("Silo:SiloPort", "0", "Silo:SiloPort must be a port number")]
    [InlineData("Silo:GatewayPort", "eleven", "Silo:GatewayPort")]
    [InlineData("Silo:AdvertisedAddress", "pod-1", "Silo:AdvertisedAddress must be an IP address")]
    public async Task Silo_BadSetting_StopsWithMessageNamingIt(string key, string value, string expected)
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path, [key] = value });

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("CallPing could not start:", silo.Output);
        Assert.Contains(expected, silo.Output);
        Assert.DoesNotContain("   at ", silo.Output);
    }

    [Fact]
    public async Task Silo_SecondProcessOnSameSqliteStore_IsRefusedNamingTheStore()
    {
        var first = running.Host;

        await using var second = HostProcess.Start("Silo", running.Settings());
        var exitCode = await second.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"The SQLite store {Path.Combine(running.DataFolder, "callping.db")} is already in use by another silo", second.Output);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task WebFrontend_AskedForWorkerRole_RefusesToStart()
    {
        await using var web = HostProcess.Start("WebFrontend", new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Silo:Roles"] = "web,worker",
        });

        var exitCode = await web.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("serves the web role only", web.Output);
    }
}
