extern alias silo;

using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.TestSupport;

namespace CallPing.WebFrontend.Tests.Infrastructure;

/// <summary>
/// The real Silo app in its web role on a SQLite file in a temp folder, served in-process: an Orleans silo on free
/// ports of its own, so that several apps of parallel tests run side by side. The intake limit is lifted unless a
/// test sets its own, so that load tests measure intake, not the limiter.
/// </summary>
public class IntakeApp : WebApplicationFactory<silo::Program>
{
    private readonly TempFolder _data = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>The in-memory test server; tests that need real HTTP through Kestrel run the Silo process instead.</summary>
    public IntakeApp(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A new project with one contact, and a client that presents its new API key as a Bearer token.</summary>
    public async Task<(string ProjectId, string Key, HttpClient Client)> NewProjectAsync()
    {
        var projectId = "p" + Guid.NewGuid().ToString("N")[..12];
        var project = Grains.GetGrain<IProjectGrain>(projectId);
        await project.CreateAsync(new CreateProjectRequest("Intake tests", ["+15550100100"]));
        var key = (await project.IssueApiKeyAsync("intake tests")).Key;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (projectId, key, client);
    }

    /// <summary>
    /// Rows of alert and dedup grains in the store: what "nothing was stored" is checked against. Orleans' grain
    /// storage names a row by the grain's state name (the alert grain's is "alert"), in GrainTypeString.
    /// </summary>
    public async Task<long> StoredAlertRowsAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_data.Path, "callping.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString IN ('alert', 'dedup')";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataFolder", _data.Path);
        builder.UseSetting("Silo:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Silo:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        // The web role only: intake is the web role's work, and the worker's simulated PBX fleet does not survive the
        // second stop that WebApplicationFactory gives a host (the entry point's own shutdown wait stops it too).
        builder.UseSetting("Silo:Roles", "web");
        // The router places calls on the simulated fleet's PBXes: asked for explicitly rather than left to the environment.
        builder.UseSetting("Pbx:Simulate", "true");
        builder.UseSetting("Intake:PermitsPerSecond", "1000000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
