using System.Data.Common;

namespace CallPing.Runtime.Storage;

internal sealed class SqlReminderTable(SqlStore store) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, due_at, period_ms, first_due_at, version, attempts";
    private const string KeyClause = "grain_type = @type AND grain_key = @key AND name = @name";

    public Task<ReminderEntry> UpsertAsync(string grainType, string grainKey, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            await using var command = SqlStore.Command(connection, transaction,
                $"INSERT INTO reminders ({Columns}) VALUES (@type, @key, @name, @due, @period, @due, 1, 0) " +
                "ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET due_at = excluded.due_at, period_ms = excluded.period_ms, " +
                "first_due_at = excluded.first_due_at, version = reminders.version + 1, attempts = 0, claimed_by = NULL, claimed_until = NULL " +
                $"RETURNING {Columns}",
                ("@type", grainType), ("@key", grainKey), ("@name", name), ("@due", dueAt.ToUnixTimeMilliseconds()), ("@period", (long)period.TotalMilliseconds));
            return (await ReadAllAsync(command, cancellationToken)).Single();
        }, cancellationToken);

    public Task<ReminderEntry?> GetAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken) =>
        store.ReadAsync(async connection =>
        {
            await using var command = SqlStore.Command(connection, null, $"SELECT {Columns} FROM reminders WHERE {KeyClause}",
                ("@type", grainType), ("@key", grainKey), ("@name", name));
            return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task DeleteAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            $"DELETE FROM reminders WHERE {KeyClause}", cancellationToken, ("@type", grainType), ("@key", grainKey), ("@name", name)), cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string siloId, int max, TimeSpan claimFor, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            var now = store.NowMs;
            await using var command = SqlStore.Command(connection, transaction,
                "UPDATE reminders SET claimed_by = @silo, claimed_until = @until, attempts = attempts + 1 " +
                "WHERE (grain_type, grain_key, name) IN (SELECT grain_type, grain_key, name FROM reminders " +
                "WHERE due_at <= @now AND (claimed_until IS NULL OR claimed_until < @now) " +
                $"ORDER BY due_at LIMIT @max{store.Dialect.SkipLocked}) RETURNING {Columns}",
                ("@silo", siloId), ("@until", now + (long)claimFor.TotalMilliseconds), ("@now", now), ("@max", max));
            return await ReadAllAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(async connection =>
        {
            var value = await SqlStore.ScalarAsync(connection, null, "SELECT MIN(due_at) FROM reminders WHERE claimed_until IS NULL", cancellationToken);
            return value is null ? (DateTimeOffset?)null : SqlStore.FromMs(Convert.ToInt64(value));
        }, cancellationToken);

    public Task CompleteAsync(ReminderEntry delivered, CancellationToken cancellationToken)
    {
        if (delivered.Period <= TimeSpan.Zero)
        {
            return store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
                $"DELETE FROM reminders WHERE {KeyClause} AND version = @version", cancellationToken, KeyAndVersion(delivered)), cancellationToken);
        }

        var now = store.Time.GetUtcNow();
        var ticksMissed = Math.Max(0, (now - delivered.DueAt).Ticks / delivered.Period.Ticks);
        var next = delivered.DueAt + (delivered.Period * (ticksMissed + 1));
        return Reschedule(delivered, next, cancellationToken);
    }

    public Task ReleaseClaimsAsync(string siloId, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "UPDATE reminders SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @silo", cancellationToken, ("@silo", siloId)), cancellationToken);

    public Task RetryAsync(ReminderEntry delivered, string siloId, TimeSpan retryAfter, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "UPDATE reminders SET due_at = @due, claimed_by = NULL, claimed_until = NULL " +
            $"WHERE {KeyClause} AND version = @version AND claimed_by = @silo",
            cancellationToken, [.. KeyAndVersion(delivered), ("@due", (store.Time.GetUtcNow() + retryAfter).ToUnixTimeMilliseconds()), ("@silo", siloId)]),
            cancellationToken);

    private Task Reschedule(ReminderEntry delivered, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            $"UPDATE reminders SET due_at = @due, claimed_by = NULL, claimed_until = NULL, attempts = 0 WHERE {KeyClause} AND version = @version",
            cancellationToken, [.. KeyAndVersion(delivered), ("@due", dueAt.ToUnixTimeMilliseconds())]), cancellationToken);

    private static (string, object?)[] KeyAndVersion(ReminderEntry entry) =>
        [("@type", entry.GrainType), ("@key", entry.GrainKey), ("@name", entry.Name), ("@version", entry.Version)];

    private static async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                SqlStore.FromMs(reader.GetInt64(3)), TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                SqlStore.FromMs(reader.GetInt64(5)), reader.GetInt64(6), reader.GetInt32(7)));
        }

        return entries;
    }
}
