using CallPing.Silo.Storage;
using CallPing.TestSupport;
using CallPing.Silo.Tests.Storage.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

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
        var builder = Host.CreateApplicationBuilder();
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
