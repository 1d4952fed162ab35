namespace CallPing.Runtime.Storage;

internal sealed class SqlLeaseTable(SqlStore store) : ILeaseTable
{
    public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            var now = store.NowMs;
            var taken = await SqlStore.ScalarAsync(connection, transaction,
                "INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires) " +
                "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
                "WHERE leases.holder = excluded.holder OR leases.expires_at < @now RETURNING holder",
                cancellationToken, ("@name", name), ("@holder", holder), ("@expires", now + (long)duration.TotalMilliseconds), ("@now", now));
            return taken is not null;
        }, cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "DELETE FROM leases WHERE name = @name AND holder = @holder", cancellationToken, ("@name", name), ("@holder", holder)), cancellationToken);

    public Task<string?> GetHolderAsync(string name, CancellationToken cancellationToken) =>
        store.ReadAsync(async connection => (string?)await SqlStore.ScalarAsync(connection, null,
            "SELECT holder FROM leases WHERE name = @name AND expires_at >= @now", cancellationToken, ("@name", name), ("@now", store.NowMs)),
            cancellationToken);
}
