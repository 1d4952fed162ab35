using System.Data;
using CallPing.Silo.Storage;
using CallPing.WebFrontend.Hosting;
using CallPing.TestSupport;
using CallPing.Silo.Tests.Storage.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace CallPing.Silo.Tests.Storage;

/// <summary>The storage suite on a PostgreSQL database, plus what only PostgreSQL has: refused logins, a cluster.</summary>
[Collection(PostgresStorageCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageSuite
{
    protected override async Task<StorageOptions> NewStoreAsync() =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = await server.CreateDatabaseAsync() };

    // What the README tells an operator to type into psql.
    protected override async Task<string?> ReadStoredJsonAsync(StorageOptions storage, string stateName, string key) =>
        await QueryAsync(storage,
            "SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage WHERE GrainTypeString = @state AND GrainIdExtensionString = @key",
            ("state", stateName), ("key", key)) as string;

    protected override Task RecordSchemaVersionAsync(StorageOptions storage, int version) =>
        QueryAsync(storage, "INSERT INTO callping_schema (version, name) VALUES (@version, 'from a newer build')", ("version", version));

    [Fact]
    public async Task Start_WrongPassword_RefusedNamingStoreAndReason()
    {
        var storage = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = server.ConnectionString("postgres", password: "wrong") };
        await using var store = CallPingStore.Create(storage);

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => store.StartAsync());

        Assert.StartsWith($"Cannot use PostgreSQL 127.0.0.1:{server.Port}/postgres (Storage:ConnectionString): password authentication failed", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public async Task Start_UnreachableServer_RefusedNamingStoreAndReason()
    {
        var port = FreePort.Next();
        var storage = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password=x;Database=callping;Timeout=3",
        };
        await using var store = CallPingStore.Create(storage);

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => store.StartAsync());

        Assert.StartsWith($"Cannot use PostgreSQL 127.0.0.1:{port}/callping (Storage:ConnectionString):", error.Message);
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public async Task Client_PostgresClustering_ReachesSiloThroughMembershipTable()
    {
        var storage = await NewStoreAsync();
        var (clusterId, serviceId) = ($"cluster-{Guid.NewGuid():N}", $"service-{Guid.NewGuid():N}");
        using var silo = await RealSilo.StartAsync(storage, clusterId, serviceId);
        // No defaults: no appsettings file watchers (inotify instances are a shared, small budget on test machines).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId));
            client.UseCallPingClustering(storage);
        });
        using var web = builder.Build();
        await web.StartAsync();

        var count = await web.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("via-client").IncrementAsync("web");

        Assert.Equal(1, count);
        // Status 3 is Active in Orleans' SiloStatus.
        Assert.Equal(1L, await QueryAsync(storage, "SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = 3", ("cluster", clusterId)));
        await web.StopAsync();
        await silo.StopAsync();
    }

    [Fact]
    public async Task CleanupDefunctSiloEntryQuery_RowChangedSinceRead_KeptElseDeleted()
    {
        var storage = await NewStoreAsync();
        await using (var store = CallPingStore.Create(storage))
        {
            await store.StartAsync();
        }

        var started = new DateTime(2026, 11, 1, 8, 0, 0, 123, DateTimeKind.Utc);
        var lastAlive = started.AddHours(1);
        const string Votes = "S127.0.0.1:11111:1,2026-11-01 09:00:00.000 GMT";
        await QueryAsync(storage, "INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('c1');" +
            "INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime) " +
            "VALUES ('c1', '127.0.0.2', 11111, 7, 'dead', 'host', 6, 30000, @votes, @started, @alive)", ("votes", Votes), ("started", started), ("alive", lastAlive));
        var cleanup = (string)(await QueryAsync(storage, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'"))!;

        // As Orleans 10.4.2 binds them: the row's values as it read them, times typed DbType.DateTime.
        var stale = await ExecuteAsOrleansAsync(storage, cleanup, Votes, started, lastAlive.AddSeconds(-5));
        var current = await ExecuteAsOrleansAsync(storage, cleanup, Votes, started, lastAlive);

        Assert.Equal((0, 1), (stale, current));
    }

    private static async Task<int> ExecuteAsOrleansAsync(StorageOptions storage, string sql, string votes, DateTime started, DateTime alive)
    {
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        void Add(string name, object value, DbType type) => command.Parameters.Add(new NpgsqlParameter(name, value) { DbType = type });
        Add("DeploymentId", "c1", DbType.String);
        Add("Address", "127.0.0.2", DbType.AnsiString);
        Add("Port", 11111, DbType.Int32);
        Add("Generation", 7, DbType.Int32);
        Add("SuspectTimes", votes, DbType.String);
        Add("StartTime", started, DbType.DateTime);
        Add("IAmAliveTime", alive, DbType.DateTime);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> QueryAsync(StorageOptions storage, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
