using System.Data.Common;
using System.Globalization;

namespace CallPing.Silo.Storage;

/// <summary>
/// Applies the numbered scripts embedded under Migrations/{dialect}/ ("0001_orleans.sql", ...) in order, each once,
/// recording each in callping_schema. Everything runs in one transaction that only one migrator at a time can hold,
/// so silos starting together neither fail nor apply a script twice.
/// </summary>
internal sealed class SchemaMigrator(CallPingStore store)
{
    // Portable between PostgreSQL and SQLite (SQLite accepts any type name).
    private const string VersionTable =
        "CREATE TABLE IF NOT EXISTS callping_schema (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, " +
        "applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)";

    private readonly IReadOnlyList<Migration> _migrations = Migration.Load(store.Dialect);

    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Brings the schema to <see cref="LatestVersion"/>; returns the version found before.</summary>
    /// <exception cref="StorageStartupException">The store has a newer schema than this build knows.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = await store.BeginExclusiveAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, VersionTable, cancellationToken);
        var found = Convert.ToInt32(
            await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM callping_schema", cancellationToken),
            CultureInfo.InvariantCulture);
        if (found > LatestVersion)
        {
            // Running old code on a newer schema could corrupt it: stop rather than guess.
            throw new StorageStartupException(
                $"The {store.Kind} store {store.Location} has schema version {found}; this build knows up to {LatestVersion}. " +
                "Upgrade CallPing to the version that wrote it, or point Storage at another store.");
        }

        foreach (var migration in _migrations.Where(m => m.Version > found))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO callping_schema (version, name) VALUES (@version, @name)";
            AddParameter(record, "@version", migration.Version);
            AddParameter(record, "@name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return found;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
