using System.Net.Http.Json;
using Npgsql;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests;

/// <summary>Real node processes on one PostgreSQL database, with direct SQL access for what the tests check.</summary>
public sealed class Cluster(string connectionString) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public List<HostProcess> Nodes { get; } = [];

    public static async Task<Cluster> StartAsync(PostgresServer postgres, int nodes, Dictionary<string, string?>? settings = null)
    {
        var cluster = new Cluster(await postgres.CreateDatabaseAsync());
        for (var i = 1; i <= nodes; i++)
        {
            cluster.Nodes.Add(cluster.StartNode($"node-{i}", settings));
        }

        await Task.WhenAll(cluster.Nodes.Select(n => n.WaitUntilReadyAsync(StartTimeout)));
        return cluster;
    }

    public static string SiloId(int index) => $"node-{index + 1}";

    public async Task<T> GetAsync<T>(int node, string path) =>
        (await Nodes[node].Http.GetFromJsonAsync<T>(path))!;

    public Task<ControlReport> PostAsync(int node, string path) => PostAsync<ControlReport>(node, path);

    public async Task<T> PostAsync<T>(int node, string path)
    {
        using var response = await Nodes[node].Http.PostAsync(path, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql) => await ScalarAsync<object>($"{sql}; SELECT 0");

    public static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
    }

    private HostProcess StartNode(string siloId, Dictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Silo:SiloId"] = siloId,
            ["Silo:HeartbeatInterval"] = "00:00:01",
            ["Silo:DeadAfter"] = "00:00:05",
            ["Reminders:ClaimDuration"] = "00:00:05",
            ["Outbox:ClaimDuration"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return HostProcess.Start("tests/ClusterNode", all);
    }
}

/// <summary>What the node's control API answers for a batch of grain calls.</summary>
public sealed record ControlReport(int Succeeded, int Failed, List<string> FirstErrors);

/// <summary>A reminder grain's record of its deliveries.</summary>
public sealed record ReminderReport(int Fired, double LastDelayMs);

/// <summary>What the node answers for a trigger.</summary>
public sealed record IntakeReply(string AlertId, bool Created);

/// <summary>An alert as the node shows it: status and its calls.</summary>
public sealed record AlertReply(string AlertId, string Status, List<object> Calls);

/// <summary>A PBX's health as the node shows it.</summary>
public sealed record PbxReply(string PbxId, string Status);

/// <summary>A silo as the membership table shows it.</summary>
public sealed record SiloEntry(string SiloId, string Status);
