using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Interfaces.Projects;
using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests.Alerts;

/// <summary>Alerts end to end on a worker silo and five simulated PBXes, told as the on-call engineer lives them.</summary>
public sealed class AlertScenarioTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Alice = "+15550111";
    private const string Bob = "+15550122";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private SimulatorFleet _fleet = null!;
    private WorkerSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _fleet = await SimulatorFleet.StartAsync();
        _silo = await WorkerSilo.StartAsync(_fleet.Settings());
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Eventually.ReachesAsync(
            () => _silo.Grains.GetGrain<IPbxGrain>(SimulatorFleet.IdOf(i)).GetHealthAsync(), h => h.Status == PbxStatus.Healthy, Within, "PBX health")));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task AlertRaised_FirstContactAnswersAndPresses1_AcknowledgedAndNobodyElseCalled()
    {
        _fleet.Script(Alice, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        await CreateProjectAsync("web", Alice, Bob);

        var raisedAt = DateTimeOffset.UtcNow;
        var alertId = await TriggerAsync("web", "disk-full", "Disk full on db-1");
        var alert = await AlertReachesAsync(alertId, AlertStatus.Acknowledged);
        await Task.Delay(1000);

        var rangAt = Originates(Alice).Single().At;
        output.WriteLine($"first contact's phone rang {(rangAt - raisedAt).TotalMilliseconds:0} ms after the trigger was accepted");
        Assert.Contains("5550111"[^4..], alert.AcknowledgedBy);
        Assert.Empty(Originates(Bob));
        Assert.Contains(_fleet.Pbxes.SelectMany(p => p.Log.Hangups), h => h.Number == Alice && h.Answered && h.Source == HangupSource.Client);
    }

    [Fact]
    public async Task FirstContactDoesNotAnswer_AfterRingTimeoutAndDelay_SecondContactIsCalled()
    {
        _fleet.Script(Alice, PhoneScript.RingsWithoutAnswer());
        _fleet.Script(Bob, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        await CreateProjectAsync("api", [Alice, Bob], new EscalationPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 1));

        var alertId = await TriggerAsync("api", "latency", "p99 latency above 2 s");
        var alert = await AlertReachesAsync(alertId, AlertStatus.Acknowledged);

        var aliceRang = Originates(Alice).Single().At;
        var bobRang = Originates(Bob).Single().At;
        Assert.InRange(bobRang - aliceRang, TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(20));
        Assert.Equal([CallOutcome.NoAnswer, CallOutcome.Answered], alert.Calls.Select(c => c.Outcome!.Value));
    }

    [Fact]
    public async Task TrunkFailureOnFirstPbx_SameContactIsRungThroughAnotherProvider_LogShowsBoth()
    {
        _fleet.Script(Alice, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        _fleet.Script(Alice, PhoneScript.TrunkFailure(34), "pbx-1", "pbx-2");
        await CreateProjectAsync("db", Alice, Bob);

        var alertId = await TriggerAsync("db", "replica-lag", "Replica lag 300 s");
        var alert = await AlertReachesAsync(alertId, AlertStatus.Acknowledged);

        var tries = alert.Calls.Single().Tries;
        Assert.True(tries[0].Provider == "a", $"the first try went to {tries[0].PbxId}; this scenario needs provider a first");
        Assert.Equal((CallOutcome.TrunkFailure, 34), (tries[0].Outcome, tries[0].Cause));
        Assert.NotEqual("a", tries[1].Provider);
        Assert.Equal(CallOutcome.Answered, tries[1].Outcome);
        Assert.Empty(Originates(Bob));
    }

    [Fact]
    public async Task WholePbxDown_CallsStillPlaced_NeverOnTheDownPbx()
    {
        _fleet.Script(Alice, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(100), "1", TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)));
        await CreateProjectAsync("edge", Alice);
        await _fleet["pbx-1"].StopAsync();
        await Eventually.ReachesAsync(() => _silo.Grains.GetGrain<IPbxGrain>("pbx-1").GetHealthAsync(), h => h.Status == PbxStatus.Down, Within, "pbx-1 down");

        var alerts = new List<AlertView>();
        for (var i = 0; i < 4; i++)
        {
            alerts.Add(await AlertReachesAsync(await TriggerAsync("edge", $"edge-{i}", $"Edge node {i} unreachable"), AlertStatus.Acknowledged));
        }

        Assert.All(alerts.SelectMany(a => a.Calls).SelectMany(c => c.Tries), t => Assert.NotEqual("pbx-1", t.PbxId));
        Assert.Equal(4, Originates(Alice).Count);
    }

    [Fact]
    public async Task ResolvedWhileRinging_TheRingingCallIsHungUp_NoFurtherCalls()
    {
        _fleet.Script(Alice, PhoneScript.RingsWithoutAnswer());
        await CreateProjectAsync("batch", Alice, Bob);
        var alertId = await TriggerAsync("batch", "job-stuck", "Nightly job stuck");
        await Eventually.ReachesAsync(() => Task.FromResult(Originates(Alice).Count), n => n == 1, Within, "Alice's phone ringing");

        await _silo.Grains.GetGrain<IDedupGrain>("batch/job-stuck").SubmitAsync(
            new AlertEvent("batch", "job-stuck", AlertAction.Resolve, null, AlertSeverity.Info, null, null, "api"));

        var channel = Originates(Alice).Single().ChannelId;
        await Eventually.ReachesAsync(() => Task.FromResult(_fleet.Pbxes.SelectMany(p => p.Log.Hangups).Any(h => h.ChannelId == channel && h.Source == HangupSource.Client)),
            hungUp => hungUp, Within, "the ringing call hung up by CallPing");
        await Task.Delay(2000);
        var alert = await _silo.Grains.GetGrain<IAlertGrain>(alertId).GetAsync();
        Assert.Equal(AlertStatus.Resolved, alert!.Status);
        Assert.Single(Originates(Alice));
        Assert.Empty(Originates(Bob));
    }

    [Fact]
    public async Task ThousandTriggersWithOneDedupKey_OneAlertCountedThousandTimes_CallsOnlyForIt()
    {
        _fleet.Script(Alice, PhoneScript.RingsWithoutAnswer());
        await CreateProjectAsync("storm", Alice, Bob);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => _silo.Grains.GetGrain<IDedupGrain>("storm/flapping").SubmitAsync(
            new AlertEvent("storm", "flapping", AlertAction.Trigger, "Service flapping", AlertSeverity.Critical, "lb-1", null, "api"))));
        await Eventually.ReachesAsync(() => Task.FromResult(Originates(Alice).Count), n => n >= 1, Within, "Alice ringing");
        await Task.Delay(1000);

        var alertId = Assert.Single(results.Select(r => r.AlertId).Distinct());
        var alert = await _silo.Grains.GetGrain<IAlertGrain>(alertId!).GetAsync();
        Assert.Equal(1000, alert!.Count);
        Assert.Single(results, r => r.Created);
        Assert.All(_fleet.Pbxes.SelectMany(p => p.Log.Originates), o => Assert.StartsWith(alertId + "-", o.ChannelId));
        Assert.Single(Originates(Alice));
    }

    private Task CreateProjectAsync(string projectId, params string[] contacts) =>
        CreateProjectAsync(projectId, contacts, null);

    private Task CreateProjectAsync(string projectId, string[] contacts, EscalationPolicy? policy) =>
        _silo.Grains.GetGrain<IProjectGrain>(projectId).CreateAsync(new CreateProjectRequest(projectId, contacts, policy));

    private async Task<string> TriggerAsync(string projectId, string dedupKey, string summary) =>
        (await _silo.Grains.GetGrain<IDedupGrain>($"{projectId}/{dedupKey}").SubmitAsync(
            new AlertEvent(projectId, dedupKey, AlertAction.Trigger, summary, AlertSeverity.Critical, "monitoring", null, "api"))).AlertId!;

    /// <summary>Waits for the alert's status and for its calls to be over (an acknowledged call still plays its goodbye).</summary>
    private Task<AlertView> AlertReachesAsync(string alertId, AlertStatus status) =>
        Eventually.ReachesAsync(async () => (await _silo.Grains.GetGrain<IAlertGrain>(alertId).GetAsync())!,
            a => a.Status == status && a.Calls.All(c => c.Status is CallStatus.Ended or CallStatus.NoPbxAvailable), Within, $"alert {alertId} {status}");

    private List<OriginateRecord> Originates(string number) =>
        [.. _fleet.Pbxes.SelectMany(p => p.Log.Originates).Where(o => o.Number == number)];
}
