using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CallPing.TestSupport;

namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>
/// A SIP phone: one sipp process playing a UAS scenario of Phones/ for every call it gets, on a free UDP port of
/// 127.0.0.1. Its SIP messages are traced to a file, read by <see cref="Messages"/>.
/// </summary>
public sealed class SippPhone : IDisposable
{
    private const int MaxStarts = 3;
    private static readonly TimeSpan BindTime = TimeSpan.FromMilliseconds(300);

    private readonly TempFolder _folder = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();

    private SippPhone(string scenario, TimeSpan pause)
    {
        Scenario = scenario;
        Port = UdpPort.Next();
        var mediaPort = UdpPort.Next();
        var start = new ProcessStartInfo(AsteriskInstall.Sipp,
        [
            "-sf", Path.Combine(AppContext.BaseDirectory, "Phones", $"{scenario}.xml"),
            "-i", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-mi", "127.0.0.1", "-mp", mediaPort.ToString(CultureInfo.InvariantCulture),
            // The length of the scenario's <pause/>: how long it rings before answering, or stays silent.
            "-d", ((int)pause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            "-aa", "-nostdin",
            "-trace_msg", "-message_file", MessageFile,
            "-trace_err", "-error_file", Path.Combine(_folder.Path, "errors.log"),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.Path,
        };
        _process = Process.Start(start)!;
        // Its statistics screen is of no use here; reading it keeps the pipe from filling up. Its errors explain a failed start.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => _errors.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Scenario { get; }

    public int Port { get; }

    /// <summary>Every SIP message the phone sent and received so far.</summary>
    public string Messages
    {
        get
        {
            if (!File.Exists(MessageFile))
            {
                return "";
            }

            using var reader = new StreamReader(new FileStream(MessageFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }
    }

    private string MessageFile => Path.Combine(_folder.Path, "messages.log");

    /// <summary>Starts a phone playing Phones/{scenario}.xml; <paramref name="pause"/> is the length of its &lt;pause/&gt;.</summary>
    public static async Task<SippPhone> StartAsync(string scenario, TimeSpan pause)
    {
        for (var start = 1; ; start++)
        {
            var phone = new SippPhone(scenario, pause);
            // sipp binds its ports at once and exits when one is taken (by another test, after it was chosen here).
            await Task.WhenAny(phone._process.WaitForExitAsync(), Task.Delay(BindTime));
            if (!phone._process.HasExited)
            {
                return phone;
            }

            var errors = string.Join("\n", phone._errors);
            phone.Dispose();
            if (start == MaxStarts)
            {
                throw new InvalidOperationException($"sipp ({scenario}) exited at start:\n{errors}");
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _folder.Dispose();
    }
}
