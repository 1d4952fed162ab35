using Npgsql;
using CallPing.Runtime;
using CallPing.Runtime.Hosting;
using CallPing.TestSupport;
using CallPing.TestSupport.Grains;

namespace CallPing.ClusterNode;

/// <summary>
/// Applies test effects into PostgreSQL the way a real handler must: the effect row is keyed by the idempotency key,
/// so a re-run after a crash applies nothing twice. Every run is counted too, to show that re-runs happened.
/// The tests create both tables (<see cref="RecordedEffects.Schema"/>) before effects flow.
/// </summary>
public sealed class RecordedEffectHandler(IConfiguration configuration, SiloIdentity silo) : IOutboxHandler
{
    private readonly string _connectionString = configuration["Storage:ConnectionString"]
        ?? throw new InvalidOperationException("The cluster node records effects in PostgreSQL only.");

    private readonly TimeSpan _takes = TimeSpan.FromMilliseconds(configuration.GetValue("ClusterNode:EffectTakesMs", 0));

    public string Kind => EffectGrain.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "INSERT INTO test_effect_runs VALUES (@key, @silo)", message, cancellationToken);
        await Task.Delay(_takes, cancellationToken);
        await ExecuteAsync(connection, "INSERT INTO test_effects VALUES (@key, @silo) ON CONFLICT (idempotency_key) DO NOTHING", message, cancellationToken);
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql, OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", message.IdempotencyKey);
        command.Parameters.AddWithValue("silo", silo.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
