using CallPing.Grains.Interfaces.Models;
using CallPing.TestSupport;

namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>
/// CallPing in front of two real PBXes, as an operator runs it: pbx-1 (provider carrier-a) and pbx-2 (carrier-b), each
/// an Asterisk process with the sipp phones of the given lines behind it, and one CallPing Silo process (both roles,
/// SQLite) whose Pbx:Fleet they are. Alerts go in through the HTTP intake; outcomes are read from the alert API.
/// </summary>
public sealed class RealPbxRig : IAsyncDisposable
{
    public const string Pbx1 = "pbx-1";
    public const string Pbx2 = "pbx-2";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly TempFolder _data = new();
    private readonly Dictionary<(string Scenario, TimeSpan Pause), SippPhone> _phones = [];
    private readonly Dictionary<string, PhoneLine> _lines;
    private readonly List<AsteriskPbx> _pbxes = [];

    private RealPbxRig(PhoneLine[] lines) => _lines = lines.ToDictionary(l => l.Number);

    public HostProcess Silo { get; private set; } = null!;

    public AsteriskPbx this[string pbxId] => _pbxes.Single(p => p.Id == pbxId);

    /// <summary>Starts the phones, both PBXes and CallPing, and waits until CallPing calls both PBXes healthy.</summary>
    public static async Task<RealPbxRig> StartAsync(params PhoneLine[] lines)
    {
        var install = AsteriskInstall.Found ?? throw new InvalidOperationException(AsteriskInstall.Missing);
        var rig = new RealPbxRig(lines);
        try
        {
            foreach (var pbxId in new[] { Pbx1, Pbx2 })
            {
                var phones = new Dictionary<string, SippPhone>();
                foreach (var line in lines)
                {
                    phones[line.Number] = await rig.PhoneAsync(line.On(pbxId), line.Pause);
                }

                rig._pbxes.Add(await AsteriskPbx.StartAsync(pbxId, rig._pbxes.Count + 1, install, phones, StartTimeout));
            }

            rig.Silo = HostProcess.Start("Silo", rig.SiloSettings());
            await rig.Silo.WaitUntilReadyAsync(StartTimeout);
            await rig.WaitUntilHealthyAsync(Pbx1, Pbx2);
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }

        return rig;
    }

    /// <summary>The phone that plays <paramref name="number"/> behind <paramref name="pbxId"/>.</summary>
    public SippPhone PhoneOf(string number, string pbxId) => _phones[(_lines[number].On(pbxId), _lines[number].Pause)];

    /// <summary>Creates a project through the admin API and returns its API key.</summary>
    public async Task<string> CreateProjectAsync(string name, string[] contacts, int ringTimeoutSeconds = 10, int stepDelaySeconds = 1, int repeats = 1)
    {
        using var admin = new PublicApi(Silo);
        return (await admin.CreateProjectAsync(name, contacts, ringTimeoutSeconds, stepDelaySeconds, repeats)).ApiKey;
    }

    /// <summary>The public API of CallPing as it runs now (a restart moves it to another port), for a project's key.</summary>
    public PublicApi Api(string apiKey) => new(Silo, apiKey);

    /// <summary>Triggers an alert through the HTTP intake and returns its id.</summary>
    public async Task<string> TriggerAsync(string apiKey, string dedupKey, string summary)
    {
        using var api = Api(apiKey);
        return (await api.TriggerAcceptedAsync(dedupKey, summary)).AlertId!;
    }

    /// <summary>Waits until the alert is as <paramref name="done"/> wants it; fails with the alert and what CallPing and the PBXes logged.</summary>
    public async Task<AlertView> AlertReachesAsync(string apiKey, string alertId, Func<AlertView, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        AlertView? alert;
        using var api = Api(apiKey);
        while (!((alert = await GetOrFailAsync()) is { } seen && done(seen)))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not reached within {within.TotalSeconds} s. The alert:\n{Describe(alert)}\n{Diagnostics()}");
            }

            await Task.Delay(100);
        }

        return alert;

        // An error answer fails the test with what CallPing logged about it.
        async Task<AlertView?> GetOrFailAsync()
        {
            try
            {
                return await api.GetAlertAsync(alertId);
            }
            catch (HttpRequestException e)
            {
                Assert.Fail($"{what}: reading the alert failed ({e.Message}).\n{Diagnostics()}");
                throw;
            }
        }
    }

    /// <summary>
    /// Creates a project whose one contact is <paramref name="number"/>, raises an alert for it and waits until the
    /// alert's first try rings on its PBX (ARI says "Ringing").
    /// </summary>
    public async Task<(string ApiKey, string AlertId, CallTry FirstTry)> AlertRingingAsync(string number, int ringTimeoutSeconds)
    {
        var key = await CreateProjectAsync($"rings-{number[1..]}", [number], ringTimeoutSeconds);
        var alertId = await TriggerAsync(key, "ringing", $"Ringing {number[^4..]}");
        var placed = await AlertReachesAsync(key, alertId, a => a.Calls is [{ Tries: [{ DialedAt: not null }] }], StartTimeout, "the first try placed");
        var first = placed.Calls[0].Tries[0];
        await Eventually.ReachesAsync(() => this[first.PbxId].ChannelStateAsync(first.ChannelId), state => state == "Ringing", StartTimeout, "the phone ringing");
        return (key, alertId, first);
    }

    /// <summary>Waits until CallPing reports the PBXes healthy on /metrics (callping_pbx_health).</summary>
    public Task WaitUntilHealthyAsync(params string[] pbxIds) =>
        Eventually.ReachesAsync(async () =>
        {
            try
            {
                return await Silo.Http.GetStringAsync("/metrics");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return "";
            }
        }, metrics => pbxIds.All(id => MetricsText.Sum(metrics, "callping_pbx_health", ("pbx", id), ("status", "healthy")) == 1),
            StartTimeout, $"CallPing calling {string.Join(" and ", pbxIds)} healthy");

    /// <summary>An alert's calls and tries, one line each, for a failure message.</summary>
    public static string Describe(AlertView? alert) => alert is null ? "(none)" :
        $"{alert.Status}, acknowledged by {alert.AcknowledgedBy ?? "nobody"}\n" + string.Join("\n", alert.Calls.SelectMany(c =>
            c.Tries.Select(t => $"  {c.CallId} {c.Status} {c.Outcome}: try {t.Number} on {t.PbxId} dialled {t.DialedAt:HH:mm:ss.fff} " +
                $"answered {t.AnsweredAt:HH:mm:ss.fff} ended {t.EndedAt:HH:mm:ss.fff} {t.Outcome} cause {t.Cause} {t.Detail}")));

    /// <summary>The last lines CallPing and each PBX logged, for a failure message.</summary>
    public string Diagnostics() =>
        $"CallPing's log (last 40 lines):\n{Tail(Silo?.Output ?? "", 40)}\n" +
        string.Concat(_pbxes.Select(p => $"{p.Id}'s Asterisk log since it was ready (last 40 lines):\n{Tail(p.LogSinceReady, 40)}\n"));

    public async ValueTask DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        foreach (var pbx in _pbxes)
        {
            await pbx.DisposeAsync();
        }

        foreach (var phone in _phones.Values)
        {
            phone.Dispose();
        }

        _data.Dispose();
    }

    private async Task<SippPhone> PhoneAsync(string scenario, TimeSpan pause)
    {
        if (!_phones.TryGetValue((scenario, pause), out var phone))
        {
            _phones[(scenario, pause)] = phone = await SippPhone.StartAsync(scenario, pause);
        }

        return phone;
    }

    private Dictionary<string, string?> SiloSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Admin:Token"] = PublicApi.AdminToken,
            ["Pbx:Simulate"] = null,
            ["Pbx:HealthCheckInterval"] = "00:00:00.500",
            // The PBXes fetch the spoken prompts from this process's web role.
            ["Pbx:MediaBaseUrl"] = HostProcess.OwnAddress,
            // Each test calls its numbers a few times; the per-number limit is not what the tier checks.
            ["NumberLimits:MaxCalls"] = "1000",
            // CallPing's own lines (dialling, answered, pressed, ended) without the framework's chatter, for failure messages.
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CallPing"] = "Information",
            ["DOTNET_hostBuilder:reloadConfigOnChange"] = "false",
        };
        for (var i = 0; i < _pbxes.Count; i++)
        {
            var pbx = _pbxes[i];
            settings[$"Pbx:Fleet:{i}:Id"] = pbx.Id;
            settings[$"Pbx:Fleet:{i}:Provider"] = $"carrier-{(char)('a' + i)}";
            settings[$"Pbx:Fleet:{i}:AriBaseUrl"] = pbx.AriBaseUrl.ToString();
            settings[$"Pbx:Fleet:{i}:User"] = AsteriskPbx.User;
            settings[$"Pbx:Fleet:{i}:Password"] = pbx.Password;
            settings[$"Pbx:Fleet:{i}:App"] = AsteriskPbx.App;
            settings[$"Pbx:Fleet:{i}:DialEndpoint"] = AsteriskPbx.DialEndpoint;
        }

        return settings;
    }

    private static string Tail(string text, int lines) => string.Join("\n", text.Split('\n').TakeLast(lines));
}
