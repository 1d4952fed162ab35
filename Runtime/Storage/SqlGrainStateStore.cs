using System.Globalization;

namespace CallPing.Runtime.Storage;

internal sealed class SqlGrainStateStore(SqlStore store) : IGrainStateStore
{
    private const string KeyClause = "grain_type = @type AND grain_key = @key AND state_name = @name";

    public Task<StoredState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(async connection =>
        {
            await using var command = SqlStore.Command(connection, null,
                $"SELECT version, data FROM grain_state WHERE {KeyClause}", Parameters(key));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StoredState(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.IsDBNull(1) ? null : reader.GetString(1))
                : null;
        }, cancellationToken);

    public Task<string> WriteAsync(GrainStateKey key, string? json, string? etag, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            var sql = etag is null
                ? "INSERT INTO grain_state (grain_type, grain_key, state_name, version, data, updated_at) " +
                  "VALUES (@type, @key, @name, 1, @data, @now) ON CONFLICT DO NOTHING RETURNING version"
                : $"UPDATE grain_state SET version = version + 1, data = @data, updated_at = @now WHERE {KeyClause} AND version = @version RETURNING version";
            var parameters = Parameters(key).Concat([("@data", json), ("@now", store.NowMs), ("@version", etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture))]).ToArray();
            var version = await SqlStore.ScalarAsync(connection, transaction, sql, cancellationToken, parameters)
                ?? throw new InconsistentStateException($"State {key.StateName} of {key.GrainType}/{key.GrainKey} changed since version {etag ?? "(none)"}.");
            await SqlOutboxStore.InsertAsync(store, connection, transaction, effects, cancellationToken);
            return Convert.ToInt64(version, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);

    private static (string, object?)[] Parameters(GrainStateKey key) =>
        [("@type", key.GrainType), ("@key", key.GrainKey), ("@name", key.StateName)];
}
