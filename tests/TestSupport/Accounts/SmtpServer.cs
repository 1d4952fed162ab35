using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xunit;

namespace CallPing.TestSupport.Accounts;

/// <summary>
/// A real SMTP server on a free port of 127.0.0.1: Debian's aiosmtpd (package python3-aiosmtpd, which test.sh
/// installs), delivering into a Maildir that the tests read as a person reads their inbox.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly string _maildir;
    private readonly HashSet<string> _read = [];

    private SmtpServer(int port, Process process, string maildir)
    {
        Port = port;
        _process = process;
        _maildir = maildir;
    }

    public int Port { get; }

    /// <summary>The settings that point CallPing's mail at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "CallPing <callping@example.test>",
    };

    public static async Task<SmtpServer> StartAsync()
    {
        var port = FreePort.Next();
        var maildir = Path.Combine(Path.GetTempPath(), "callping-tests", $"mail-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var server = new SmtpServer(port, process, maildir);
        await Eventually.ReachesAsync(() => Task.FromResult(Accepts(port) || process.HasExited), up => up, TimeSpan.FromSeconds(30), $"aiosmtpd listening on {port}");
        if (process.HasExited)
        {
            Assert.Fail($"aiosmtpd exited: {await process.StandardError.ReadToEndAsync()}");
        }

        return server;
    }

    /// <summary>The text of the next unread message to that address, waiting for it to arrive.</summary>
    public async Task<string> NextMessageToAsync(string address, TimeSpan? within = null)
    {
        var folder = NewMail;
        string? found = null;
        await Eventually.ReachesAsync(() =>
        {
            lock (_read)
            {
                found = Directory.Exists(folder)
                    ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).FirstOrDefault(f => !_read.Contains(f) && IsTo(f, address))
                    : null;
                if (found is not null)
                {
                    _read.Add(found);
                }
            }

            return Task.FromResult(found);
        }, f => f is not null, within ?? TimeSpan.FromSeconds(30), $"a message to {address}");
        return await File.ReadAllTextAsync(found!);
    }

    /// <summary>The token of the next link to that portal page ("verify-email", "reset-password") mailed to the address.</summary>
    public async Task<string> NextTokenAsync(string address, string page)
    {
        var text = await NextMessageToAsync(address);
        var match = Regex.Match(text, $@"/{Regex.Escape(page)}\?token=([A-Za-z0-9._%\-]+)");
        Assert.True(match.Success, $"no {page} link in: {text}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    /// <summary>Messages delivered so far, read or not.</summary>
    public int Delivered => Directory.Exists(NewMail) ? Directory.GetFiles(NewMail).Length : 0;

    private string NewMail => Path.Combine(_maildir, "new");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_maildir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleanup.
        }
    }

    private static bool IsTo(string file, string address) =>
        File.ReadLines(file).TakeWhile(l => l.Length > 0).Any(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && l.Contains(address, StringComparison.OrdinalIgnoreCase));

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
