using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;

using CallPing.WebFrontend.Hosting;

namespace CallPing.Silo.Storage;

/// <summary>
/// The database behind Orleans' ADO.NET providers: how to reach it, and the one-time start that makes it ready
/// (claim it, bring its schema up to date). Registered as a singleton by AddCallPingStorage; a host may call
/// <see cref="StartAsync"/> itself before starting, to report a refused store as one line.
/// </summary>
public abstract class CallPingStore : IAsyncDisposable
{
    private readonly Lazy<Task<int>> _start;

    private protected CallPingStore()
    {
        // Both the host's preflight and the silo lifecycle call StartAsync; the work runs once.
        _start = new(() => StartOnceAsync(CancellationToken.None));
    }

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public abstract string Kind { get; }

    /// <summary>Where the data is, for operators: the SQLite file's path, or host:port/database (never the password).</summary>
    public abstract string Location { get; }

    /// <summary>"SQLite /srv/data/callping.db", "PostgreSQL db1:5432/callping".</summary>
    public string Description => $"{Kind} {Location}";

    /// <summary>The ADO.NET invariant name that Orleans' providers map to a driver.</summary>
    public abstract string Invariant { get; }

    /// <summary>The connections of Orleans' providers and of the store itself.</summary>
    public abstract DbDataSource DataSource { get; }

    /// <summary>The resource folder of this dialect's migrations.</summary>
    internal abstract string Dialect { get; }

    public static CallPingStore Create(StorageOptions options)
    {
        options.ThrowIfInvalid();
        return options.Provider == StorageProvider.Postgres
            ? new PostgresStore(options.ConnectionString!)
            : new SqliteStore(options.DataFolder);
    }

    /// <summary>Claims the store and applies pending migrations, once per instance; returns the schema version.</summary>
    /// <exception cref="StorageStartupException">The store cannot serve this silo.</exception>
    public Task<int> StartAsync(CancellationToken cancellationToken = default) => _start.Value.WaitAsync(cancellationToken);

    /// <summary>
    /// For the readiness probe: ready when the store answers and has this build's schema. The detail names the store
    /// and the version, or why it is not ready.
    /// </summary>
    public async Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken = default)
    {
        var latest = new SchemaMigrator(this).LatestVersion;
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM callping_schema";
            var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return version == latest
                ? (true, $"{Description}, schema version {version}")
                : (false, $"{Description} has schema version {version}, this build needs {latest}");
        }
        catch (Exception e) when (e is DbException or TimeoutException or IOException or SocketException)
        {
            return (false, $"{Description} is not ready: {e.Message}");
        }
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task<int> StartOnceAsync(CancellationToken cancellationToken);

    internal async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>A transaction that no other migrator can hold at the same time.</summary>
    internal abstract Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);
}
