using Microsoft.Extensions.Logging;
using Npgsql;

namespace CallPing.Runtime.Storage.Postgres;

/// <summary>The cluster store: every silo of the cluster shares one PostgreSQL database.</summary>
public sealed class PostgresRuntimeStore : IRuntimeStore, IAsyncDisposable
{
    public static readonly SqlDialect Dialect = new(
        Name: "PostgreSQL",
        SkipLocked: " FOR UPDATE SKIP LOCKED",
        SerializeWrites: false,
        MigrationsResourcePrefix: "CallPing.Runtime.Storage.Postgres.Migrations.",
        // Silos starting together apply each script once: the second waits for the first's transaction.
        MigrationLock: "SELECT pg_advisory_xact_lock(7346521)");

    private readonly NpgsqlDataSource _dataSource;
    private readonly SchemaMigrator _migrator;
    private readonly ILogger<PostgresRuntimeStore> _logger;
    private bool _started;

    public PostgresRuntimeStore(string connectionString, TimeProvider time, ILogger<PostgresRuntimeStore> logger)
    {
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
        Sql = new SqlStore(_dataSource, Dialect, time);
        _migrator = new SchemaMigrator(Sql);
    }

    public string Description { get; }

    public bool SharedByProcesses => true;

    public SqlStore Sql { get; }

    /// <summary>For the notification listener, which keeps one connection of its own.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        try
        {
            await _migrator.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreStartupException($"Cannot use {Description} (Storage:ConnectionString): {Reason(e)}", e);
        }

        _started = true;
        _logger.LogInformation("Store: {Store}, schema version {Version}", Description, _migrator.LatestVersion);
    }

    public Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken) =>
        _migrator.CheckReadyAsync(Description, cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>The innermost useful message: "password authentication failed for user ...", "Connection refused", ...</summary>
    private static string Reason(Exception e) => e switch
    {
        PostgresException postgres => $"{postgres.MessageText} ({postgres.SqlState})",
        { InnerException: { } inner } when e is NpgsqlException => $"{e.Message} {inner.Message}",
        _ => e.Message,
    };
}
