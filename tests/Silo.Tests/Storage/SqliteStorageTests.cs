using CallPing.Silo.Storage;
using CallPing.WebFrontend.Hosting;
using CallPing.TestSupport;
using CallPing.Silo.Tests.Storage.Grains;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallPing.Silo.Tests.Storage;

/// <summary>The storage suite on a SQLite file in a temporary folder, plus what only SQLite has: one silo per file.</summary>
[Collection(SqliteStorageCollection.Name)]
public sealed class SqliteStorageTests : StorageSuite, IDisposable
{
    private readonly List<TempFolder> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }

    protected override Task<StorageOptions> NewStoreAsync()
    {
        var folder = new TempFolder();
        _folders.Add(folder);
        return Task.FromResult(new StorageOptions { Provider = StorageProvider.Sqlite, DataFolder = folder.Path });
    }

    // What the README tells an operator to type into sqlite3.
    protected override async Task<string?> ReadStoredJsonAsync(StorageOptions storage, string stateName, string key) =>
        await QueryAsync(storage,
            "SELECT CAST(PayloadBinary AS TEXT) FROM OrleansStorage WHERE GrainTypeString = @state AND GrainIdExtensionString = @key",
            ("@state", stateName), ("@key", key)) as string;

    protected override Task RecordSchemaVersionAsync(StorageOptions storage, int version) =>
        QueryAsync(storage, "INSERT INTO callping_schema (version, name) VALUES (@version, 'from a newer build')", ("@version", version));

    [Fact]
    public async Task Start_SecondStoreOnSameFolder_RefusedNamingTheFile()
    {
        var storage = await NewStoreAsync();
        await using var first = CallPingStore.Create(storage);
        await first.StartAsync();
        await using var second = CallPingStore.Create(storage);

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => second.StartAsync());

        Assert.StartsWith($"The SQLite store {Path.Combine(storage.DataFolder, SqliteStore.FileName)} is already in use by another silo", error.Message);
    }

    [Fact]
    public async Task Connections_TakeTurns_TheNextOpensWhenTheOneBeforeCloses()
    {
        var storage = await NewStoreAsync();
        await using var store = CallPingStore.Create(storage);
        await store.StartAsync();

        var first = await store.DataSource.OpenConnectionAsync();
        var second = store.DataSource.OpenConnectionAsync().AsTask();
        var third = store.DataSource.OpenConnectionAsync().AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(second.IsCompleted, "a second connection opened while the first was open");

        await first.DisposeAsync();
        await using var secondOpen = await second.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(third.IsCompleted, "a third connection opened while the second was open");
        await secondOpen.CloseAsync();
        await using var thirdOpen = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(System.Data.ConnectionState.Open, thirdOpen.State);
    }

    [Fact]
    public async Task Start_FirstStoreDisposed_SecondStoreStarts()
    {
        var storage = await NewStoreAsync();
        await using (var first = CallPingStore.Create(storage))
        {
            await first.StartAsync();
        }

        await using var second = CallPingStore.Create(storage);

        Assert.Equal(1, await second.StartAsync());
    }

    [Fact]
    public async Task Start_NewFile_UsesWriteAheadLog()
    {
        var storage = await NewStoreAsync();
        await using var store = CallPingStore.Create(storage);

        await store.StartAsync();

        Assert.Equal("wal", await QueryAsync(storage, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task UseCallPingClustering_Sqlite_RefusedNamingTheSetting()
    {
        var storage = await NewStoreAsync();
        // No defaults: no appsettings file watchers (inotify instances are a shared, small budget on test machines).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<StartupRefusedException>(() => builder.UseOrleansClient(client => client.UseCallPingClustering(storage)));

        Assert.Contains("Storage:Provider=Postgres", error.Message);
    }

    [Fact]
    public async Task Silo_SqliteStore_RunsAsSingleNodeOnItsOwnPorts()
    {
        var storage = await NewStoreAsync();
        using var silo = await RealSilo.StartAsync(storage, "single", $"service-{Guid.NewGuid():N}");

        var count = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("single-node").IncrementAsync("silo");

        Assert.Equal(1, count);
        Assert.Contains("\"Label\":\"silo\"", await ReadStoredJsonAsync(storage, CounterGrain.StateName, "single-node"));
        await silo.StopAsync();
    }

    private static async Task<object?> QueryAsync(StorageOptions storage, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(storage.DataFolder, SqliteStore.FileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
