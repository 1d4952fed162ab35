using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallPing.TestSupport;

namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>
/// One real Asterisk process on 127.0.0.1 with an asterisk.conf of its own (-C) in a temporary folder: its ARI on a
/// free HTTP port, chan_pjsip on a free UDP port, and one PJSIP endpoint per phone number, named after the number,
/// whose contact is the sipp phone that plays that number on this PBX (so CallPing dials "PJSIP/{number}").
/// </summary>
public sealed class AsteriskPbx : IAsyncDisposable
{
    public const string User = "callping";
    public const string App = "callping";
    public const string DialEndpoint = "PJSIP/{number}";
    private const int MaxStarts = 3;

    private readonly TempFolder _folder = new();
    private readonly Process _process;

    private AsteriskPbx(string id, AsteriskInstall install, IReadOnlyDictionary<string, SippPhone> phones, int index)
    {
        Id = id;
        Password = $"secret-{id}";
        var httpPort = FreePort.Next();
        SipPort = UdpPort.Next();
        AriBaseUrl = new Uri($"http://127.0.0.1:{httpPort}/");
        var etc = Directory.CreateDirectory(Path.Combine(_folder.Path, "etc")).FullName;
        foreach (var sub in new[] { "lib", "db", "spool", "run", "log", "cache" })
        {
            Directory.CreateDirectory(Path.Combine(_folder.Path, sub));
        }

        Write(etc, "asterisk.conf", $"""
            [directories]
            astetcdir => {etc}
            astmoddir => {install.Modules}
            astvarlibdir => {_folder.Path}/lib
            astdbdir => {_folder.Path}/db
            astkeydir => {_folder.Path}/lib
            astdatadir => {install.Data}
            astagidir => {_folder.Path}/lib
            astspooldir => {_folder.Path}/spool
            astrundir => {_folder.Path}/run
            astlogdir => {_folder.Path}/log
            astcachedir => {_folder.Path}/cache

            [options]
            verbose = 3
            entityid = 02:00:00:00:00:{index:x2}
            """);
        // Everything built, but the phone provisioning modules, which want configuration this PBX has no use for.
        Write(etc, "modules.conf", """
            [modules]
            autoload = yes
            noload = res_phoneprov.so
            noload = res_pjsip_phoneprov_provider.so
            noload = res_pjsip_notify.so
            """);
        // A media server that hangs holds a call for timeout_secs, twice: 5 s, not the default 180 s (see the README).
        Write(etc, "res_http_media_cache.conf", """
            [general]
            timeout_secs = 5
            """);
        Write(etc, "logger.conf", """
            [general]
            dateformat = %F %T.%3q

            [logfiles]
            messages.log => notice,warning,error,verbose,dtmf
            """);
        Write(etc, "http.conf", $"""
            [general]
            enabled = yes
            bindaddr = 127.0.0.1
            bindport = {httpPort}
            """);
        Write(etc, "ari.conf", $"""
            [general]
            enabled = yes

            [{User}]
            type = user
            read_only = no
            password = {Password}
            password_format = plain
            """);
        // Phones send their key presses from a recorded capture: without strict RTP, Asterisk takes them at once.
        Write(etc, "rtp.conf", """
            [general]
            strictrtp = no
            """);
        Write(etc, "extensions.conf", """
            [general]
            static = yes

            [phones]
            """);
        var pjsip = new StringBuilder($"""
            [transport-udp]
            type = transport
            protocol = udp
            bind = 127.0.0.1:{SipPort}

            """);
        foreach (var (number, phone) in phones)
        {
            pjsip.Append(CultureInfo.InvariantCulture, $"""

                [{number}]
                type = endpoint
                transport = transport-udp
                context = phones
                disallow = all
                allow = ulaw
                dtmf_mode = rfc4733
                direct_media = no
                aors = {number}

                [{number}]
                type = aor
                contact = sip:{number}@127.0.0.1:{phone.Port}

                """);
        }

        Write(etc, "pjsip.conf", pjsip.ToString());

        var start = new ProcessStartInfo(install.Binary, ["-f", "-n", "-C", Path.Combine(etc, "asterisk.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (install.Libraries.Length > 0)
        {
            start.Environment["LD_LIBRARY_PATH"] = install.Libraries;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Ari = new HttpClient { BaseAddress = new Uri(AriBaseUrl, "ari/"), Timeout = TimeSpan.FromSeconds(10) };
        Ari.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    public string Id { get; }

    public Uri AriBaseUrl { get; }

    public string Password { get; }

    public int SipPort { get; }

    /// <summary>An ARI client with this PBX's credentials (paths relative to /ari/).</summary>
    public HttpClient Ari { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Asterisk's own log (notices, warnings, errors, verbose level 3, DTMF) so far.</summary>
    public string Log
    {
        get
        {
            var path = Path.Combine(_folder.Path, "log", "messages.log");
            if (!File.Exists(path))
            {
                return "";
            }

            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }
    }

    /// <summary>The log from "Asterisk Ready." on: the calls, without the start-up's complaints about configuration it lacks.</summary>
    public string LogSinceReady
    {
        get
        {
            var log = Log;
            return log[Math.Max(0, log.IndexOf("Asterisk Ready.", StringComparison.Ordinal))..];
        }
    }

    /// <summary>Starts Asterisk and waits until its ARI answers a ping.</summary>
    public static async Task<AsteriskPbx> StartAsync(string id, int index, AsteriskInstall install, IReadOnlyDictionary<string, SippPhone> phones, TimeSpan within)
    {
        for (var start = 1; ; start++)
        {
            var pbx = new AsteriskPbx(id, install, phones, index);
            try
            {
                await Eventually.ReachesAsync(pbx.PingAsync, answered => answered || pbx.HasExited || pbx.PortTaken, within, $"{id}: ARI answering a ping");
                if (pbx.PortTaken && start < MaxStarts)
                {
                    // A free port was taken between choosing and binding it (other tests open ports all the time): try others.
                    await pbx.DisposeAsync();
                    continue;
                }

                if (pbx.HasExited || pbx.PortTaken)
                {
                    throw new InvalidOperationException($"{id}: Asterisk did not start:\n{pbx.Log}");
                }

                return pbx;
            }
            catch
            {
                await pbx.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>The channel's state as ARI gives it ("Down", "Ringing", "Up"), or null when it is gone (404).</summary>
    public async Task<string?> ChannelStateAsync(string channelId)
    {
        using var response = await Ari.GetAsync($"channels/{Uri.EscapeDataString(channelId)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString();
    }

    /// <summary>The files Asterisk started playing to the number's channels, in order: its log's "Playing '...'" lines (media by URL play from its cache).</summary>
    public IReadOnlyList<string> SoundsPlayedTo(string number) =>
        [.. Regex.Matches(Log, $@"<PJSIP/{Regex.Escape(number)}-[0-9a-f]+> Playing '([^']+)\.[^.']+'").Select(m => m.Groups[1].Value)];

    /// <summary>Whether the playback still exists (ARI forgets a playback when it finishes, done or failed).</summary>
    public async Task<bool> HasPlaybackAsync(string playbackId)
    {
        using var response = await Ari.GetAsync($"playbacks/{Uri.EscapeDataString(playbackId)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>Media of the channel whose playback Asterisk logged as stopped, canceled or failed before its end.</summary>
    public IReadOnlyList<string> PlaybacksCutShort(string channelId) =>
        [.. Regex.Matches(Log, $@"{Regex.Escape(channelId)}: Playback (?:stopped|canceled|failed) for (\S+)").Select(m => m.Groups[1].Value)];

    /// <summary>SIGKILL: the PBX dies at once, as in a crash; its calls vanish without a word.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        Ari.Dispose();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Its HTTP server or SIP transport could not bind its port.</summary>
    private bool PortTaken => Log.Contains("Address already in use", StringComparison.Ordinal);

    private async Task<bool> PingAsync()
    {
        try
        {
            using var response = await Ari.GetAsync("asterisk/ping");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static void Write(string folder, string name, string text) => File.WriteAllText(Path.Combine(folder, name), text + "\n");
}
