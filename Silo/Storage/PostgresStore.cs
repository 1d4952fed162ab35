using System.Data;
using System.Data.Common;
using Npgsql;
using CallPing.WebFrontend.Hosting;

namespace CallPing.Silo.Storage;

/// <summary>The cluster store: every silo and web process of a cluster shares one PostgreSQL database.</summary>
public sealed class PostgresStore : CallPingStore
{
    // Any fixed number works; this one is "callping" on a phone keypad, unlikely to clash with another app's lock.
    private const long MigrationLockKey = 22557464;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(string connectionString)
    {
        Location = PostgresFailure.Location(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Kind => "PostgreSQL";

    public override string Location { get; }

    public override string Invariant => "Npgsql";

    public override DbDataSource DataSource => _dataSource;

    internal override string Dialect => "Postgres";

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async Task<int> StartOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var migrator = new SchemaMigrator(this);
            await migrator.MigrateAsync(cancellationToken);
            return migrator.LatestVersion;
        }
        catch (Exception e) when (PostgresFailure.IsReachOrLogin(e))
        {
            throw new StorageStartupException(PostgresFailure.Refusal(Location, e), e);
        }
    }

    internal override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        // Held until commit or rollback: a second silo waits here, then finds the scripts applied.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
