using System.Diagnostics;
using Xunit;
using Npgsql;

namespace CallPing.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server from Debian's packages: initdb into a temporary folder, a free port on 127.0.0.1,
/// password authentication, run as the unprivileged "postgres" user when the tests run as root. Removed on dispose.
/// Share one per test project through a collection fixture; give each test its own database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Password = "callping-test-password";

    // /tmp rather than the user's temp folder: the server user must be able to reach it when the tests run as root.
    private readonly string _folder = Path.Combine(Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath(), $"callping-pg-{Guid.NewGuid():N}");
    private string _bin = "";
    private string? _runAs;

    /// <summary>Keeps fsync on, as in production (benchmarks); tests leave it off for speed.</summary>
    public bool Durable { get; init; }

    public int Port { get; private set; }

    /// <summary>The cluster's data folder; its postmaster.pid names the server process.</summary>
    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Npgsql's default connect timeout (15 s): a loaded test machine can take more than a few seconds to connect.</summary>
    public string ConnectionString(string database, string password = Password) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={password};Database={database};Timeout=15";

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _runAs = Environment.IsPrivilegedProcess ? (UserExists("postgres") ? "postgres" : "nobody") : null;
        Directory.CreateDirectory(_folder);
        var passwordFile = Path.Combine(_folder, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (_runAs is not null)
        {
            await RunAsync("chown", ["-R", _runAs, _folder]);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", "postgres", "--auth=scram-sha-256",
            $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C", "--no-sync"], asServerUser: true);
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                await StartAsync();
                break;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                // The free port was taken before the server bound it: try another.
            }
        }
    }

    /// <summary>
    /// Starts the server (again) on the same port and data. fsync=off only risks data on a machine crash; a stopped
    /// or killed server keeps every commit (asynchronous commit would not, so it stays on).
    /// </summary>
    public Task StartAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=500{(Durable ? "" : " -c fsync=off")}", "start"],
        asServerUser: true);

    /// <summary>Stops the server at once, dropping every connection, as a crash or a failover would.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asServerUser: true);

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        // Unpooled: a pooled admin connection would be broken after a server restart.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault() ?? throw new InvalidOperationException("No initdb under /usr/lib/postgresql; run ./test.sh, which installs PostgreSQL.")
            : throw new InvalidOperationException("PostgreSQL is not installed; run ./test.sh, which installs it.");

    private static bool UserExists(string user) =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));

    private async Task RunAsync(string program, string[] arguments, bool asServerUser = false)
    {
        var start = asServerUser && _runAs is not null
            ? new ProcessStartInfo("runuser", ["-u", _runAs, "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = _folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await output}{await error}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }
}
