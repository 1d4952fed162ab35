using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CallPing.TestSupport;

/// <summary>
/// A real CallPing host process (the built DLL run by dotnet) on a free 127.0.0.1 port, configured through
/// environment variables exactly as an operator would, with its output kept for assertions.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int MaxRestarts = 3;
    private readonly string _project;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private Process _process = null!;
    private int _restarts;

    private HostProcess(string project, IReadOnlyDictionary<string, string?> settings)
    {
        _project = project;
        _settings = settings;
        Launch();
    }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The Orleans silo port of the current run (Silo:SiloPort): a silo address "S127.0.0.1:{port}:..." names this process.</summary>
    public int SiloPort { get; private set; }

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts <paramref name="project"/>'s DLL with settings given as configuration keys ("Storage:DataFolder") or environment
    /// variables ("DOTNET_ENVIRONMENT"); a null value removes a default (Pbx:Simulate is true unless removed).
    /// <see cref="OwnAddress"/> in a value stands for the process's own HTTP address, which a restart changes.
    /// </summary>
    public static HostProcess Start(string project, IReadOnlyDictionary<string, string?> settings) => new(project, settings);

    public const string OwnAddress = "{own-address}";

    private void Launch()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.HostDll(_project)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // As an operator runs it: from its folder, so that its appsettings.json applies.
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.HostDll(_project))!,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        // Production, as an operator runs it, whatever the test runner's own environment says.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Orleans' own ports too, so that hosts of parallel tests (and a developer's running silo) never share one.
        start.Environment["Silo__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Silo__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Tests call simulated phones: asked for explicitly, since Production never simulates by default.
        start.Environment["Pbx__Simulate"] = "true";
        foreach (var (key, value) in _settings)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value.Replace(OwnAddress, $"http://127.0.0.1:{port}", StringComparison.Ordinal);
            }
        }

        SiloPort = int.Parse(start.Environment["Silo__SiloPort"]!, System.Globalization.CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Http?.Dispose();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        _process = process;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Waits until GET /readyz answers 200; fails with the process output if it exits or times out.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await ReadToTheEndAsync();
                // The free port was taken between choosing and binding it (other tests open ports all the time): try another.
                if (_restarts < MaxRestarts && Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    _restarts++;
                    _output.Clear();
                    Launch();
                    continue;
                }

                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host was not ready within {within}:\n{Output}");
    }

    /// <summary>
    /// HasExited turns true before the output pipes are read to their end, and a crash's last words (an unhandled
    /// exception, a fail-fast message) are the last lines of standard error: wait for them before reading the output.
    /// </summary>
    private async Task ReadToTheEndAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A child process still holds the pipes open: take the output as it is.
        }
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Starts the host again with the same settings after it exited (killed or stopped), on new ports.</summary>
    public void Restart()
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException("The host is still running; kill or stop it before restarting it.");
        }

        _process.Dispose();
        _restarts = 0;
        Launch();
    }

    /// <summary>SIGTERM: the host shuts down gracefully.</summary>
    public async Task TerminateAsync(TimeSpan within)
    {
        if (!_process.HasExited)
        {
            if (SendSignal(_process.Id, SigTerm) != 0)
            {
                throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
            }
            await WaitForExitAsync(within);
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>
    /// Kills the host: a test is over once it has asserted, and a graceful stop (a silo leaving its cluster) only made every
    /// test wait seconds more. Tests that check the graceful stop send SIGTERM themselves (<see cref="TerminateAsync"/>).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        Http.Dispose();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
