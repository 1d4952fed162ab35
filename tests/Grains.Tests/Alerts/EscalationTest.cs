using CallPing.Grains.Alerts;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>
/// What an escalation test does: script phones, create a project, raise an alert through intake, and watch what the
/// phones and the alert see. Alerts a test raised are resolved after it, so that no call of theirs outlives the test.
/// </summary>
public abstract class EscalationTest(EscalationCluster cluster) : IAsyncLifetime
{
    /// <summary>Ring 20 s, 30 s between steps, the contact list twice.</summary>
    public static readonly EscalationPolicy Policy = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), Repeats: 2);

    /// <summary>How long real-time things (a simulated phone ringing and pressing keys) may take.</summary>
    protected static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    private readonly List<string> _alerts = [];

    protected EscalationCluster Cluster => cluster;

    protected GrainSilo Silo => cluster.Silo;

    public Task InitializeAsync() => cluster.ConnectFleetAsync();

    public async Task DisposeAsync()
    {
        foreach (var alertId in _alerts)
        {
            await Silo.Grains.GetGrain<IAlertGrain>(alertId).ResolveAsync("test over");
        }
    }

    /// <summary>A number no other test calls.</summary>
    protected static string NewNumber() => $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}";

    /// <summary>The phone behind <paramref name="number"/> behaves so on every PBX.</summary>
    protected void Phone(string number, PhoneScript script)
    {
        foreach (var pbx in cluster.Pbxes)
        {
            pbx.Scripts.Set(number, script);
        }
    }

    protected static PhoneScript AnswersAndPresses(params (string Digit, double AfterSeconds)[] keys) =>
        PhoneScript.Answers(TimeSpan.FromMilliseconds(200), [.. keys.Select(k => new ScriptedKey(k.Digit, TimeSpan.FromSeconds(k.AfterSeconds)))]);

    /// <summary>Creates a project with these contacts, in this order, and <see cref="Policy"/>.</summary>
    protected Task<string> ProjectAsync(params string[] contacts) => ProjectAsync(Policy, contacts);

    /// <summary>Creates a project with these contacts, in this order, and this policy.</summary>
    protected async Task<string> ProjectAsync(EscalationPolicy policy, params string[] contacts)
    {
        var projectId = $"p-{Guid.NewGuid():N}";
        await Silo.Grains.GetGrain<IProjectGrain>(projectId).CreateAsync(new CreateProjectRequest("Escalation", contacts, policy));
        return projectId;
    }

    /// <summary>Raises an alert through intake, as the alerts API does; returns its id.</summary>
    protected async Task<string> TriggerAsync(string projectId)
    {
        var dedupKey = $"disk-{Guid.NewGuid():N}";
        var result = await Silo.Grains.GetGrain<IDedupGrain>($"{projectId}/{dedupKey}").SubmitAsync(
            new AlertEvent(projectId, dedupKey, AlertAction.Trigger, "Disk full on db-1", AlertSeverity.Critical, "db-1", null, "api"));
        _alerts.Add(result.AlertId!);
        return result.AlertId!;
    }

    /// <summary>Raises an alert under an id the test chose, as intake's dedup grain does after choosing one.</summary>
    protected async Task TriggerAsync(string projectId, string alertId)
    {
        _alerts.Add(alertId);
        await Silo.Grains.GetGrain<IAlertGrain>(alertId).TriggerAsync(
            new AlertTrigger(projectId, $"disk-{Guid.NewGuid():N}", "Disk full on db-1", AlertSeverity.Critical, "db-1", null, "api"));
    }

    protected async Task<AlertView> AlertAsync(string alertId) => (await Silo.Grains.GetGrain<IAlertGrain>(alertId).GetAsync())!;

    protected Task<AlertView> AlertReachesAsync(string alertId, Func<AlertView, bool> done, string what) =>
        Eventually.ReachesAsync(() => AlertAsync(alertId), done, Within, what);

    protected Task<AlertView> StatusReachesAsync(string alertId, AlertStatus status) =>
        AlertReachesAsync(alertId, alert => alert.Status == status, $"alert {alertId} {status}");

    /// <summary>The alert as stored: where its escalation stands, and its notes.</summary>
    protected async Task<AlertState> StoredAlertAsync(string alertId) =>
        (await Silo.StoredStateAsync<AlertState>("alert", alertId))!;

    /// <summary>Waits until the alert, its call over, is waiting for its next step; returns how long that wait is.</summary>
    protected async Task<TimeSpan> WaitingForNextStepAsync(string alertId)
    {
        var stored = await Eventually.ReachesAsync(() => StoredAlertAsync(alertId), a => a.CurrentCallId is null && a.NextStepAt is not null,
            Within, $"alert {alertId} waiting for its next step");
        return stored.NextStepAt!.Value - Silo.Time.GetUtcNow();
    }

    /// <summary>Every originate to this number, on any PBX, oldest first.</summary>
    protected IReadOnlyList<OriginateRecord> Dialled(string number) =>
        [.. cluster.Pbxes.SelectMany(p => p.Log.Originates).Where(o => o.Number == number).OrderBy(o => o.At)];

    protected Task<IReadOnlyList<OriginateRecord>> DialledReachesAsync(string number, int count) =>
        Eventually.ReachesAsync(() => Task.FromResult(Dialled(number)), d => d.Count >= count, Within, $"calls to {number}");

    /// <summary>Every playback started on this channel, on any PBX, oldest first.</summary>
    protected IReadOnlyList<PlaybackRecord> PlaybacksOn(string channelId) =>
        [.. cluster.Pbxes.SelectMany(p => p.Log.Playbacks).Where(p => p.ChannelId == channelId).OrderBy(p => p.At)];

    /// <summary>When each playback on this channel began to play (after those queued before it), oldest first.</summary>
    protected IReadOnlyList<PlaybackStartRecord> PlaybackStartsOn(string channelId) =>
        [.. cluster.Pbxes.SelectMany(p => p.Log.PlaybackStarts).Where(p => p.ChannelId == channelId).OrderBy(p => p.At)];

    protected IReadOnlyList<KeyPressRecord> KeyPressesOn(string channelId) =>
        [.. cluster.Pbxes.SelectMany(p => p.Log.KeyPresses).Where(k => k.ChannelId == channelId).OrderBy(k => k.At)];

    protected IReadOnlyList<HangupRecord> HangupsOf(string channelId) =>
        [.. cluster.Pbxes.SelectMany(p => p.Log.Hangups).Where(h => h.ChannelId == channelId)];

    /// <summary>Waits for something real-time (a phone, a socket) to happen.</summary>
    protected async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not after {Within.TotalSeconds} s. What the PBXes saw:{Environment.NewLine}{PbxLogs()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Everything the simulated PBXes were asked and did, for a failure message.</summary>
    private string PbxLogs() => string.Join(Environment.NewLine, cluster.Pbxes.SelectMany(p =>
        p.Log.Originates.Select(o => $"{o.At:HH:mm:ss.fff} originate {o.ChannelId} {o.Number} -> {o.StatusCode}")
            .Concat(p.Log.Playbacks.Select(b => $"{b.At:HH:mm:ss.fff} play {b.ChannelId} {b.PlaybackId} {string.Join("|", b.Media)}"))
            .Concat(p.Log.KeyPresses.Select(k => $"{k.At:HH:mm:ss.fff} key {k.ChannelId} {k.Digit} delivered={k.Delivered}"))
            .Concat(p.Log.Hangups.Select(h => $"{h.At:HH:mm:ss.fff} hangup {h.ChannelId} {h.Cause} {h.Source}")))
        .Order(StringComparer.Ordinal));

    /// <summary>The masked form a callee is named by ("********0123").</summary>
    protected static string Masked(string number) => $"{new string('*', number.Length - 4)}{number[^4..]}";
}
