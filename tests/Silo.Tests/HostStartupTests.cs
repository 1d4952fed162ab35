using System.Net;
using System.Text.Json;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests;

/// <summary>The hosts as an operator runs them: real processes configured through environment variables.</summary>
public sealed class HostStartupTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Silo_DefaultSettings_AnswersHealthzAndReadyz()
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path });

        await silo.WaitUntilReadyAsync(StartTimeout);
        var healthz = await silo.Http.GetAsync("/healthz");
        using var readyz = JsonDocument.Parse(await silo.Http.GetStringAsync("/readyz"));
        var store = readyz.RootElement.GetProperty("checks").GetProperty("store");

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal("Healthy", readyz.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", store.GetProperty("status").GetString());
        Assert.Contains(Path.Combine(_data.Path, "callping.db"), store.GetProperty("description").GetString());
        await Eventually.ReachesAsync(() => Task.FromResult(silo.Output.Contains("roles Web, Worker")), seen => seen, TimeSpan.FromSeconds(10), "the roles line");
    }

    [Theory]
    [InlineData("GrainRuntime:CallTimeout", "-00:00:05", "GrainRuntime:CallTimeout must be between")]
    [InlineData("GrainRuntime:CallTimeout", "soon", "GrainRuntime:CallTimeout")]
    [InlineData("Silo:Roles", "cook", "Silo:Roles must list web and/or worker")]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider")]
    [InlineData("Reminders:BatchSize", "0", "Reminders:BatchSize must be between 1 and 10000")]
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
        var settings = new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path };
        await using var first = HostProcess.Start("Silo", settings);
        await first.WaitUntilReadyAsync(StartTimeout);

        await using var second = HostProcess.Start("Silo", settings);
        var exitCode = await second.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"The SQLite store {Path.Combine(_data.Path, "callping.db")} is already in use by another silo", second.Output);
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
