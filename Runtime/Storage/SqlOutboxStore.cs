using System.Data.Common;

namespace CallPing.Runtime.Storage;

internal sealed class SqlOutboxStore(SqlStore store) : IOutboxStore
{
    public Task EnqueueAsync(IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            await InsertAsync(store, connection, transaction, effects, cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>Inserts effects inside a caller's transaction (the state write's).</summary>
    public static async Task InsertAsync(SqlStore store, DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken)
    {
        foreach (var effect in effects)
        {
            await SqlStore.ExecuteAsync(connection, transaction,
                "INSERT INTO outbox (idempotency_key, kind, payload, lease, created_at, due_at, attempts) " +
                "VALUES (@key, @kind, @payload, @lease, @now, @now, 0) ON CONFLICT (idempotency_key) DO NOTHING",
                cancellationToken, ("@key", effect.IdempotencyKey), ("@kind", effect.Kind), ("@payload", effect.Payload), ("@lease", effect.Lease), ("@now", store.NowMs));
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string siloId, int max, TimeSpan claimFor, CancellationToken cancellationToken) =>
        store.WriteAsync<IReadOnlyList<OutboxMessage>>(async (connection, transaction) =>
        {
            var now = store.NowMs;
            await using var command = SqlStore.Command(connection, transaction,
                "UPDATE outbox SET claimed_by = @silo, claimed_until = @until, attempts = attempts + 1 WHERE id IN (" +
                "SELECT id FROM outbox WHERE completed_at IS NULL AND due_at <= @now AND (claimed_until IS NULL OR claimed_until < @now) " +
                "AND (lease IS NULL OR lease IN (SELECT name FROM leases WHERE holder = @silo AND expires_at >= @now)) " +
                $"ORDER BY due_at, id LIMIT @max{store.Dialect.SkipLocked}) RETURNING id, kind, idempotency_key, payload, attempts",
                ("@silo", siloId), ("@until", now + (long)claimFor.TotalMilliseconds), ("@now", now), ("@max", max));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var claimed = new List<OutboxMessage>();
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }

            return claimed.OrderBy(m => m.Id).ToList();
        }, cancellationToken);

    public Task ReleaseClaimsAsync(string siloId, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @silo AND completed_at IS NULL",
            cancellationToken, ("@silo", siloId)), cancellationToken);

    public Task CompleteAsync(long id, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "UPDATE outbox SET completed_at = @now, claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE id = @id AND completed_at IS NULL",
            cancellationToken, ("@now", store.NowMs), ("@id", id)), cancellationToken);

    public Task RetryAsync(long id, string siloId, TimeSpan retryAfter, string error, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL, due_at = @due, last_error = @error " +
            "WHERE id = @id AND completed_at IS NULL AND claimed_by = @silo",
            cancellationToken, ("@due", store.NowMs + (long)retryAfter.TotalMilliseconds), ("@error", error), ("@id", id), ("@silo", siloId)), cancellationToken);

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(async connection => Convert.ToInt64(
            await SqlStore.ScalarAsync(connection, null, "SELECT COUNT(*) FROM outbox WHERE completed_at IS NULL", cancellationToken)),
            cancellationToken);
}
