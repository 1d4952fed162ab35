using System.Globalization;
using System.Text.Json;
using Npgsql;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>
/// A CallPing cluster as it is deployed: Silo processes (web and worker roles) and WebFrontend processes (web role, an
/// Orleans client) on one fresh PostgreSQL database, driving a simulated PBX fleet that lives outside them, so that
/// calls outlive a silo. Every process gets its own HTTP and Orleans ports and the cluster's id and admin token.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>
    /// Host setting that turns off watching appsettings files. Each watcher takes an inotify instance, of which a user
    /// gets 128 on a typical Linux machine: a few clusters' worth of processes on a busy test machine run out.
    /// </summary>
    public const string NoConfigReload = "DOTNET_hostBuilder:reloadConfigOnChange";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Dictionary<string, string?> _settings;

    private SiloCluster(string connectionString, Dictionary<string, string?> settings)
    {
        ConnectionString = connectionString;
        _settings = settings;
    }

    public string ConnectionString { get; }

    public string ClusterId => _settings["Silo:ClusterId"]!;

    public List<HostProcess> Silos { get; } = [];

    public List<HostProcess> Webs { get; } = [];

    /// <summary>Starts the silos, waits until they are all active members, then starts the web processes.</summary>
    public static async Task<SiloCluster> StartAsync(PostgresServer postgres, SimulatorFleet fleet, int silos, int webs = 0, Dictionary<string, string?>? extra = null)
    {
        var cluster = await CreateAsync(postgres, fleet, extra);
        try
        {
            var started = Enumerable.Range(0, silos).Select(_ => cluster.StartSilo()).ToList();
            await Task.WhenAll(started.Select(s => s.WaitUntilReadyAsync(StartTimeout)));
            await Eventually.ReachesAsync(cluster.ActiveSilosAsync, n => n == silos, StartTimeout, "active silos in the membership table");
            var webProcesses = Enumerable.Range(0, webs).Select(_ => cluster.StartWeb()).ToList();
            await Task.WhenAll(webProcesses.Select(w => w.WaitUntilReadyAsync(StartTimeout)));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>A cluster on a fresh, empty database (no schema yet), with no process started: see <see cref="StartSilo"/> and <see cref="StartWeb"/>.</summary>
    public static async Task<SiloCluster> CreateAsync(PostgresServer postgres, SimulatorFleet fleet, Dictionary<string, string?>? extra = null)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>(fleet.Settings())
        {
            ["Storage:Provider"] = "Postgres",
            ["Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Silo:ClusterId"] = $"cluster-{id}",
            ["Silo:ServiceId"] = $"service-{id}",
            ["Admin:Token"] = PublicApi.AdminToken,
            ["Intake:PermitsPerSecond"] = "100000",
            ["Pbx:HealthCheckInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            [NoConfigReload] = "false",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        settings["Storage:ConnectionString"] = await postgres.CreateDatabaseAsync();
        return new SiloCluster(settings["Storage:ConnectionString"]!, settings);
    }

    /// <summary>Starts one more Silo process (web and worker roles) without waiting for it.</summary>
    public HostProcess StartSilo()
    {
        var silo = HostProcess.Start("Silo", _settings);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Starts one more WebFrontend process without waiting for it.</summary>
    public HostProcess StartWeb()
    {
        var web = HostProcess.Start("WebFrontend", _settings);
        Webs.Add(web);
        return web;
    }

    /// <summary>Silos that are running and Active in membership.</summary>
    public Task<long> ActiveSilosAsync() =>
        ScalarAsync<long>($"SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = '{ClusterId}' AND Status = 3");

    /// <summary>Waits until every PBX of the fleet is healthy with its event socket up, driven by a running silo.</summary>
    public async Task WaitForHealthyFleetAsync(SimulatorFleet fleet, TimeSpan within)
    {
        foreach (var pbxId in Enumerable.Range(0, fleet.Pbxes.Count).Select(SimulatorFleet.IdOf))
        {
            await Eventually.ReachesAsync(() => DriverOfAsync(pbxId), d => d is { Connected: true, Status: "Healthy", Silo.HasExited: false } && fleet[pbxId].IsAppConnected("callping"),
                within, $"{pbxId} healthy and driven");
        }
    }

    /// <summary>
    /// Which silo holds the PBX's ARI connection, from the PBX grain's stored state: DrivenBy is the connection's id,
    /// "{silo address}/{n}", and a silo address is "S127.0.0.1:{silo port}:{generation}".
    /// </summary>
    public async Task<PbxDriver?> DriverOfAsync(string pbxId)
    {
        await using var connection = await OpenAsync();
        if (await StoredGrainState.ReadAsync(connection, "pbx", pbxId) is not { } state || state.Property("DrivenBy") is not { ValueKind: JsonValueKind.String } drivenBy)
        {
            return null;
        }

        var link = drivenBy.GetString()!;
        var port = int.Parse(link.Split(':')[1], CultureInfo.InvariantCulture);
        var status = state.Property("Status") is { } s ? (s.ValueKind == JsonValueKind.Number ? ((Grains.Interfaces.Models.PbxStatus)s.GetInt32()).ToString() : s.GetString()) : null;
        return new PbxDriver(link, Silos.SingleOrDefault(p => p.SiloPort == port), state.Property("Connected")?.GetBoolean() == true, status);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Unpooled: a pooled connection would be broken after the server restarts.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Webs.Concat(Silos).Select(p => p.DisposeAsync().AsTask()));
    }
}

/// <summary>Who drives a PBX: the connection id, the silo process it names (null if none of the cluster's), and the PBX's stored health.</summary>
public sealed record PbxDriver(string Link, HostProcess? Silo, bool Connected, string? Status);
