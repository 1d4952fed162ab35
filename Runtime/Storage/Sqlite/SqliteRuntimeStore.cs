using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CallPing.Runtime.Storage.Sqlite;

/// <summary>
/// The embedded single-node store: one SQLite file in the data folder. An exclusive lock file beside it makes
/// sure that only one silo uses it, because SQLite cannot keep several processes' activations consistent.
/// </summary>
public sealed class SqliteRuntimeStore : IRuntimeStore, IDisposable
{
    public const string FileName = "callping.db";

    public static readonly SqlDialect Dialect = new(
        Name: "SQLite",
        SkipLocked: "",
        SerializeWrites: true,
        MigrationsResourcePrefix: "CallPing.Runtime.Storage.Sqlite.Migrations.",
        MigrationLock: null);

    private readonly string _path;
    private readonly SchemaMigrator _migrator;
    private readonly ILogger<SqliteRuntimeStore> _logger;
    private FileStream? _lock;

    public SqliteRuntimeStore(string dataFolder, TimeProvider time, ILogger<SqliteRuntimeStore> logger)
    {
        _path = Path.GetFullPath(Path.Combine(dataFolder, FileName));
        _logger = logger;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true, DefaultTimeout = 30 }.ToString();
        Sql = new SqlStore(SqliteFactory.Instance.CreateDataSource(connectionString), Dialect, time);
        _migrator = new SchemaMigrator(Sql);
    }

    public bool SharedByProcesses => false;

    public SqlStore Sql { get; }

    public string FilePath => _path;

    public string Description => $"SQLite {_path}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_lock is not null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            TakeLock();
            // WAL lets readers run while one turn writes; it is a property of the file, set once.
            await Sql.ReadAsync(connection => SqlStore.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken), cancellationToken);
            await _migrator.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SqliteException or IOException)
        {
            throw new StoreStartupException($"Cannot use the SQLite store {_path} (Storage:DataFolder): {e.Message}", e);
        }

        _logger.LogInformation("Store: SQLite at {Path}, schema version {Version}", _path, _migrator.LatestVersion);
    }

    public Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken) =>
        _migrator.CheckReadyAsync(Description, cancellationToken);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _lock?.Dispose();
        _lock = null;
    }

    private void TakeLock()
    {
        var lockPath = _path + ".lock";
        try
        {
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StoreStartupException(
                $"The SQLite store {_path} is already in use by another silo (lock file {lockPath} is held). " +
                "A SQLite store serves one silo only; stop the other one, give this one another Storage:DataFolder, " +
                "or use Storage:Provider=Postgres for a cluster.", e);
        }
    }
}
