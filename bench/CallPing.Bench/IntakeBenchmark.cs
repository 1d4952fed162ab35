using Microsoft.Data.Sqlite;
using Npgsql;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>
/// Alert intake on the real Silo process, driven over HTTP from this separate process: the highest sustained rate of
/// alerts accepted (each a new alert, stored before the 202, its first call placed after it), then latency at 50 % and
/// 90 % of that rate, with a profile (grain calls, CPU per process, PostgreSQL's counters per alert). Baselines in the
/// same run: a bare endpoint of the same server (/healthz) and raw single-row inserts into the same database at the
/// same concurrency.
/// </summary>
public static class IntakeBenchmark
{
    private const string Contact = "+15550100";

    /// <summary>Orleans' count of grain requests served by the silo's application grains.</summary>
    private const string GrainRequests = "orleans_app_requests_latency_milliseconds_count";

    public static async Task RunAsync(bool postgres, TimeSpan duration, int workers)
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Contact, PhoneScript.Busy());
        var server = postgres ? new PostgresServer { Durable = true } : null;
        await (server?.InitializeAsync() ?? Task.CompletedTask);
        try
        {
            var connectionString = server is null ? null : await server.CreateDatabaseAsync();
            var settings = fleet.Settings();
            if (connectionString is not null)
            {
                settings["Storage:Provider"] = "Postgres";
                settings["Storage:ConnectionString"] = connectionString;
            }

            await using var silo = await BenchSilo.StartAsync(settings, [Contact]);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers * 2 }) { BaseAddress = silo.Process.BaseAddress };
            await silo.WaitUntilRingingAsync(fleet, http);
            await Load.MaxRateAsync(workers, TimeSpan.FromSeconds(3), i => silo.TriggerAsync(http, $"warm-{i}"));

            var bare = await Load.MaxRateAsync(workers, duration, async _ => (await http.GetAsync("/healthz")).Dispose());
            var before = connectionString is null ? null : await DatabaseProfile.TakeAsync(connectionString);
            var cpuBefore = CpuSplit.Take(silo.Process.ProcessId, server?.DataFolder);
            var grainCallsBefore = await BenchSilo.MetricSumAsync(http, GrainRequests);
            var originatesBefore = BenchSilo.Originates(fleet);
            var accepted = 0;
            var intake = await Load.MaxRateAsync(workers, duration, async i =>
            {
                await silo.TriggerAsync(http, $"max-{i}");
                Interlocked.Increment(ref accepted);
            });
            // The first calls are placed after the 202s: the profile counts an alert's work up to its first originate.
            var drain = System.Diagnostics.Stopwatch.StartNew();
            await Eventually.ReachesAsync(() => Task.FromResult(BenchSilo.Originates(fleet) - originatesBefore), n => n >= accepted, TimeSpan.FromSeconds(300),
                "the first calls of the accepted alerts");
            var drained = drain.Elapsed;
            var cpu = CpuSplit.Take(silo.Process.ProcessId, server?.DataFolder).Since(cpuBefore);
            var grainCalls = (await BenchSilo.MetricSumAsync(http, GrainRequests) - grainCallsBefore) / accepted;
            var profile = before is null ? null : (await DatabaseProfile.TakeAsync(connectionString!)).PerAlertSince(before, accepted);
            var atHalf = await Load.AtRateAsync(intake * 0.5, duration, i => silo.TriggerAsync(http, $"half-{i}"));
            var atNinety = await Load.AtRateAsync(intake * 0.9, duration, i => silo.TriggerAsync(http, $"ninety-{i}"));
            var raw = connectionString is null ? await RawSqliteAsync(workers, duration) : await RawPostgresAsync(connectionString, workers, duration);

            var store = postgres ? "PostgreSQL" : "SQLite";
            Console.WriteLine($"| {store}: bare GET /healthz (baseline) | {bare:0} req/s |");
            Console.WriteLine($"| {store}: raw single-row inserts (baseline) | {raw:0} rows/s |");
            Console.WriteLine($"| {store}: alerts accepted, sustained ({workers} keep-alive connections) | {intake:0} alerts/s | {intake / raw:0.00} x raw inserts, {intake / bare:0.000} x bare endpoint |");
            Console.WriteLine($"| {store}: first calls of those alerts all placed | {drained.TotalSeconds:0.0} s after the last 202 |");
            Console.WriteLine($"| {store}: intake latency at 50 % ({intake * 0.5:0} alerts/s) | {atHalf} |");
            Console.WriteLine($"| {store}: intake latency at 90 % ({intake * 0.9:0} alerts/s) | {atNinety} |");
            Console.WriteLine($"Profile of the sustained run, up to every accepted alert's first originate: {accepted} alerts; {grainCalls:0.0} grain calls per alert; " +
                $"{cpu} ({cpu.Tool / accepted * 1000:0.00} / {cpu.Silo / accepted * 1000:0.00} / {cpu.Postgres / accepted * 1000:0.00} ms per alert)");
            if (profile is not null)
            {
                Console.WriteLine($"PostgreSQL statistics per accepted alert (each commit one statement): {profile}");
            }
        }
        finally
        {
            await (server?.DisposeAsync() ?? Task.CompletedTask);
        }
    }

    private static async Task<double> RawSqliteAsync(int workers, TimeSpan duration)
    {
        using var folder = new TempFolder();
        var connectionString = $"Data Source={Path.Combine(folder.Path, "raw.db")}";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)";
            await command.ExecuteNonQueryAsync();
        }

        var gate = new SemaphoreSlim(1, 1);
        var rate = await Load.MaxRateAsync(workers, duration, async i =>
        {
            await gate.WaitAsync();
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO raw (payload) VALUES ($p)";
                command.Parameters.AddWithValue("$p", $"row {i}");
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                gate.Release();
            }
        });
        SqliteConnection.ClearAllPools();
        return rate;
    }

    private static async Task<double> RawPostgresAsync(string connectionString, int workers, TimeSpan duration)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("CREATE TABLE raw (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        return await Load.MaxRateAsync(workers, duration, async i =>
        {
            await using var command = dataSource.CreateCommand("INSERT INTO raw (payload) VALUES ($1)");
            command.Parameters.AddWithValue($"row {i}");
            await command.ExecuteNonQueryAsync();
        });
    }
}
