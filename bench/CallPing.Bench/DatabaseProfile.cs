using Npgsql;

namespace CallPing.Bench;

/// <summary>PostgreSQL's own counters (commits, index reads, row writes per table), to see what one alert costs the database.</summary>
public sealed record DatabaseProfile(long Commits, IReadOnlyDictionary<string, (long Reads, long Writes)> Tables)
{
    public static async Task<DatabaseProfile> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        // Statistics are flushed by each backend at most once a second.
        await using (var flush = new NpgsqlCommand("SELECT pg_sleep(1.2); SELECT pg_stat_clear_snapshot()", connection))
        {
            await flush.ExecuteNonQueryAsync();
        }

        await using var commits = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        var committed = (long)(await commits.ExecuteScalarAsync())!;
        var tables = new Dictionary<string, (long, long)>();
        await using var command = new NpgsqlCommand(
            "SELECT relname, COALESCE(idx_scan, 0) + COALESCE(seq_scan, 0), n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return new DatabaseProfile(committed, tables);
    }

    public string PerAlertSince(DatabaseProfile before, int alerts)
    {
        var parts = Tables
            .Select(t => (Name: t.Key, Reads: t.Value.Reads - before.Tables.GetValueOrDefault(t.Key).Reads, Writes: t.Value.Writes - before.Tables.GetValueOrDefault(t.Key).Writes))
            .Where(t => t.Reads + t.Writes > 0)
            .OrderByDescending(t => t.Reads + t.Writes)
            .Select(t => $"{t.Name} {t.Reads / (double)alerts:0.0} reads / {t.Writes / (double)alerts:0.0} writes");
        return $"{(Commits - before.Commits) / (double)alerts:0.0} commits per alert; {string.Join("; ", parts)}";
    }
}
