using Microsoft.Data.Sqlite;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.Runtime.Storage.Sqlite;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Projects;

/// <summary>
/// One real silo for the project tests, on its own SQLite file, which the tests also read to see what was stored.
/// Each test uses its own project ids, keys and numbers, so the tests do not see each other's grains.
/// </summary>
public sealed class ProjectsSilo : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private GrainSilo? _silo;

    public GrainSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    public IProjectGrain Project(string projectId) => Silo.Grains.GetGrain<IProjectGrain>(projectId);

    public IApiKeyGrain ApiKey(string hash) => Silo.Grains.GetGrain<IApiKeyGrain>(hash);

    public INumberGrain Number(string number) => Silo.Grains.GetGrain<INumberGrain>(number);

    public async Task InitializeAsync() => _silo = await GrainSilo.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }

    /// <summary>Every stored grain state row: type, key, version and JSON.</summary>
    public async Task<List<StoredRow>> StoredRowsAsync()
    {
        var path = Path.Combine(_data.Path, SqliteRuntimeStore.FileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_key, version, data FROM grain_state";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? "" : reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>The stored row of one grain, or null when it has none.</summary>
    public async Task<StoredRow?> StoredRowAsync(string grainType, string key) =>
        (await StoredRowsAsync()).SingleOrDefault(r => r.GrainType == grainType && r.Key == key);
}
