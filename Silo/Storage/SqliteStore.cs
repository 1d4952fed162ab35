using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CallPing.Silo.Storage;

/// <summary>
/// The single-node store: one SQLite file in the data folder. A lock file beside it, held while this store lives,
/// keeps a second silo away: two processes on one file would each believe they hold every grain.
/// </summary>
public sealed class SqliteStore : CallPingStore
{
    public const string FileName = "callping.db";

    private readonly SqliteTurns _connections;
    private FileStream? _lock;

    public SqliteStore(string dataFolder)
    {
        Location = Path.GetFullPath(Path.Combine(dataFolder, FileName));
        _connections = new SqliteTurns(new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Pooling = true,
            // Seconds a command waits for a lock held outside this silo (an operator's sqlite3 writing, say).
            DefaultTimeout = 30,
        }.ToString());
    }

    public override string Kind => "SQLite";

    public override string Location { get; }

    /// <summary>Orleans 10.4 maps this name to Microsoft.Data.Sqlite; "Microsoft.Data.Sqlite" itself is not a name it knows.</summary>
    public override string Invariant => "System.Data.SQLite";

    public override DbDataSource DataSource => _connections;

    internal override string Dialect => "Sqlite";

    public override ValueTask DisposeAsync()
    {
        if (_lock is not null)
        {
            // Pooled connections keep the file open; close them before another silo may take the file.
            SqliteConnection.ClearAllPools();
            _lock.Dispose();
            _lock = null;
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task<int> StartOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
            TakeLock();
            await using (var connection = await OpenConnectionAsync(cancellationToken))
            await using (var wal = connection.CreateCommand())
            {
                // WAL lets reads go on while one write commits; it is a property of the file, so setting it once is enough.
                wal.CommandText = "PRAGMA journal_mode=WAL";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            var migrator = new SchemaMigrator(this);
            await migrator.MigrateAsync(cancellationToken);
            return migrator.LatestVersion;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SqliteException or IOException)
        {
            throw new StorageStartupException($"Cannot use the SQLite store {Location} (Storage:DataFolder): {e.Message}", e);
        }
    }

    internal override Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Not deferred = BEGIN IMMEDIATE: the write lock is taken at once (waiting up to the busy timeout), which in
        // WAL mode is as exclusive as SQLite gets.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private void TakeLock()
    {
        var lockPath = Location + ".lock";
        try
        {
            // FileShare.None is an exclusive flock on Linux: it holds against other processes and other openers here.
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StorageStartupException(
                $"The SQLite store {Location} is already in use by another silo (lock file {lockPath} is held). " +
                "A SQLite store serves one silo only: stop the other one, give this one another Storage:DataFolder, " +
                "or use Storage:Provider=Postgres for a cluster.", e);
        }
    }
}
