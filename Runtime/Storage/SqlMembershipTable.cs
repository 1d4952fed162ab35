namespace CallPing.Runtime.Storage;

internal sealed class SqlMembershipTable(SqlStore store) : IMembershipTable
{
    public Task HeartbeatAsync(SiloRecord silo, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "INSERT INTO silos (silo_id, host_name, process_id, roles, started_at, heartbeat_at, stopped_at) " +
            "VALUES (@id, @host, @pid, @roles, @started, @heartbeat, NULL) " +
            "ON CONFLICT (silo_id) DO UPDATE SET host_name = excluded.host_name, process_id = excluded.process_id, roles = excluded.roles, " +
            "started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, stopped_at = NULL",
            cancellationToken, ("@id", silo.SiloId), ("@host", silo.HostName), ("@pid", silo.ProcessId), ("@roles", silo.Roles),
            ("@started", silo.StartedAt.ToUnixTimeMilliseconds()), ("@heartbeat", silo.HeartbeatAt.ToUnixTimeMilliseconds())), cancellationToken);

    public Task MarkStoppedAsync(string siloId, CancellationToken cancellationToken) =>
        store.WriteAsync((connection, transaction) => SqlStore.ExecuteAsync(connection, transaction,
            "UPDATE silos SET stopped_at = @now WHERE silo_id = @id", cancellationToken, ("@now", store.NowMs), ("@id", siloId)), cancellationToken);

    public Task<IReadOnlyList<SiloRecord>> ListAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<SiloRecord>>(async connection =>
        {
            await using var command = SqlStore.Command(connection, null,
                "SELECT silo_id, host_name, process_id, roles, started_at, heartbeat_at, stopped_at FROM silos ORDER BY started_at, silo_id");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var silos = new List<SiloRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                silos.Add(new SiloRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                    SqlStore.FromMs(reader.GetInt64(4)), SqlStore.FromMs(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : SqlStore.FromMs(reader.GetInt64(6))));
            }

            return silos;
        }, cancellationToken);
}
