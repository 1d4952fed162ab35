using System.Net;
using System.Text.Json;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Pbx;

/// <summary>
/// A paging service never pages fake phones by accident: the Silo process simulates its PBX fleet only in Development or
/// when Pbx:Simulate=true, and without either (and no Pbx:Fleet) it starts but is not ready, saying why.
/// </summary>
public sealed class PbxReadinessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const string Simulated = "simulated PBX fleet: no real phone rings";
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Readyz_ProductionWithoutFleetOrSimulate_503NamingPbxFleet()
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path, ["Pbx:Simulate"] = null });

        var (status, body) = await ReadyzAsync(silo);
        using var healthz = await silo.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("pbx-fleet").GetProperty("status").GetString());
        Assert.Contains("Pbx:Fleet", body.GetProperty("checks").GetProperty("pbx-fleet").GetProperty("description").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        // The start-up line; each failing probe is logged as well, by the health check service.
        var logged = Assert.Single(silo.Output.Split(Environment.NewLine), l => l.Contains("Pbx:Fleet is empty", StringComparison.Ordinal)
            && l.Contains("Configure Pbx:Fleet, or set Pbx:Simulate=true", StringComparison.Ordinal));
        Assert.Contains("\"LogLevel\":\"Error\"", logged);
        Assert.DoesNotContain("SIMULATED", silo.Output);
    }

    [Fact]
    public async Task Readyz_ProductionWithSimulateTrue_ReadyAndSaysSimulated()
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path, ["Pbx:Simulate"] = "true" });

        var (status, body) = await ReadyzAsync(silo);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Simulated, body.GetProperty("checks").GetProperty("pbx-fleet").GetProperty("description").GetString());
        Assert.Contains("Hosting environment: Production", silo.Output);
        Assert.Contains("running a SIMULATED fleet of 5 PBXes; no real phone will ring", silo.Output);
    }

    [Fact]
    public async Task Readyz_DevelopmentWithoutFleet_ReadyAndSaysSimulated()
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Pbx:Simulate"] = null,
            ["DOTNET_ENVIRONMENT"] = "Development",
        });

        var (status, body) = await ReadyzAsync(silo);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Simulated, body.GetProperty("checks").GetProperty("pbx-fleet").GetProperty("description").GetString());
        Assert.Contains("Hosting environment: Development", silo.Output);
        Assert.Contains("running a SIMULATED fleet of 5 PBXes; no real phone will ring", silo.Output);
    }

    /// <summary>The first /readyz answer once the process listens, ready or not.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync(HostProcess silo)
    {
        var answer = await Eventually.ReachesAsync(async () =>
        {
            Assert.False(silo.HasExited, $"The silo exited:\n{silo.Output}");
            try
            {
                using var response = await silo.Http.GetAsync("/readyz");
                return (Status: (HttpStatusCode?)response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
                return (Status: null, Body: e.Message);
            }
        }, r => r.Status is not null, StartTimeout, "a /readyz answer");
        using var document = JsonDocument.Parse(answer.Body);
        return (answer.Status!.Value, document.RootElement.Clone());
    }
}
