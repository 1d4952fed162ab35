using CallPing.Ari;
using CallPing.Ari.Streaming;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.PbxSimulator;
using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>
/// What a real Asterisk 22 showed about a PBX's connection: restarts, a dying PBX, a silent trunk, another client, a
/// booting PBX (issue 10, findings 3, 4, 5, 6, 7 and 9). The fake clock stands still unless a test moves it, so
/// anything that happens did so at once, not after a ring timeout.
/// </summary>
[Collection(EscalationCollection.Name)]
public sealed class PbxConnectionFindingTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task Finding3_ConnectionRestartedWhilePhoneRings_LaterAnswerPlaysThePromptAndPress1Acknowledges()
    {
        var alice = NewNumber();
        Phone(alice, PhoneScript.Answers(TimeSpan.FromSeconds(4), new ScriptedKey("1", TimeSpan.FromSeconds(0.5))));
        var alertId = await TriggerAsync(await ProjectAsync(alice, NewNumber()));
        var ringing = await FirstTryAsync(alertId);

        await Silo.Cluster.DeactivateAsync(Silo.Pbx(ringing.PbxId));
        await Cluster.ConnectAsync(ringing.PbxId);
        var reconnectedAt = DateTimeOffset.UtcNow;
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        var attempt = Assert.Single(Assert.Single(alert.Calls).Tries);
        Assert.Equal(ringing.ChannelId, attempt.ChannelId);
        // The phone answers 4 s after the originate at the soonest, and presses 1 half a second after it answered at
        // the soonest: on a loaded machine either may come later, so each bounds the answer from one side only.
        var answeredNotBefore = Dialled(alice).Single(o => o.ChannelId == attempt.ChannelId).At + TimeSpan.FromSeconds(4);
        var answeredNotAfter = Assert.Single(KeyPressesOn(attempt.ChannelId)).At - TimeSpan.FromSeconds(0.5);
        Assert.True(answeredNotAfter > reconnectedAt, "the phone was still ringing when the connection came back");
        Assert.Contains(PlaybacksOn(attempt.ChannelId), p => p.Media.SequenceEqual(AlertPrompt.FallbackAlert));
        Assert.All(PlaybacksOn(attempt.ChannelId), p => Assert.True(p.At >= answeredNotBefore, "no prompt before the answer"));
        Assert.DoesNotContain(HangupsOf(attempt.ChannelId), h => h.At < answeredNotBefore);
    }

    [Fact]
    public async Task Finding4_PbxDiesWhilePhoneRings_SamePersonCalledAtOnceOnTheOtherPbx()
    {
        var alice = NewNumber();
        Phone(alice, PhoneScript.RingsWithoutAnswer());
        var alertId = await TriggerAsync(await ProjectAsync(alice, NewNumber()));
        var ringing = await FirstTryAsync(alertId);
        var dying = Cluster.SimulatorOf(ringing.PbxId);
        foreach (var other in Cluster.Pbxes.Where(p => p != dying))
        {
            other.Scripts.Set(alice, AnswersAndPresses(("1", 0.5)));
        }

        try
        {
            await dying.StopAsync();
            var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

            var call = Assert.Single(alert.Calls);
            Assert.Equal(2, call.Tries.Count);
            Assert.Equal(CallOutcome.TrunkFailure, call.Tries[0].Outcome);
            Assert.NotEqual(ringing.PbxId, call.Tries[1].PbxId);
            Assert.Equal(2, Dialled(alice).Count);
        }
        finally
        {
            await dying.StartAsync();
        }
    }

    [Fact]
    public async Task Finding5_TrunkNeverAnswers_TrunkFailureAndSamePersonCalledAtOnceOnTheOtherPbx()
    {
        var alice = NewNumber();
        Phone(alice, PhoneScript.TrunkSilent());
        var policy = Policy with { RingTimeout = TimeSpan.FromSeconds(10) };
        var alertId = await TriggerAsync(await ProjectAsync(policy, alice, NewNumber()));
        var silent = await FirstTryAsync(alertId);
        foreach (var other in Cluster.Pbxes.Where(p => p != Cluster.SimulatorOf(silent.PbxId)))
        {
            other.Scripts.Set(alice, AnswersAndPresses(("1", 0.5)));
        }

        // The silent trunk is known only when its originate times out, in real time.
        var alert = await Eventually.ReachesAsync(() => AlertAsync(alertId), a => a.Status == AlertStatus.Acknowledged,
            policy.RingTimeout + Within, $"alert {alertId} acknowledged");

        var call = Assert.Single(alert.Calls);
        Assert.Equal(2, call.Tries.Count);
        Assert.Equal((CallOutcome.TrunkFailure, 19), (call.Tries[0].Outcome, call.Tries[0].Cause));
        Assert.NotEqual(silent.PbxId, call.Tries[1].PbxId);
    }

    [Fact]
    public async Task Finding6_AnotherClientTakesTheApplicationThenLeaves_PbxSaysSoAndComesBackAfterStandingDown()
    {
        var pbx = Cluster.Pbxes[0];
        var pbxId = EscalationCluster.Fleet.All[0].PbxId;
        var intruder = new AriEventStream(new AriConnectionOptions(pbx.BaseUrl, pbx.Options.User, pbx.Options.Password, "callping"));
        intruder.Start();

        var replaced = await Eventually.ReachesAsync(
            async () =>
            {
                // As the silos' keeper does every second.
                await Silo.Pbx(pbxId).KeepConnectedAsync();
                return await Silo.Pbx(pbxId).GetHealthAsync();
            },
            h => h.Status == PbxStatus.Down && h.LastErrors.Any(e => e.Contains("another client took over", StringComparison.Ordinal)),
            Within, $"{pbxId} standing down");
        await intruder.DisposeAsync();
        await Silo.Pbx(pbxId).KeepConnectedAsync();
        var stillStandingDown = await Silo.Pbx(pbxId).GetHealthAsync();
        Silo.Time.Advance(TimeSpan.FromMinutes(1));
        var back = await Cluster.ConnectAsync(pbxId);

        Assert.False(replaced.Connected);
        Assert.Contains(replaced.LastErrors, e => e.Contains("standing down for 5 s", StringComparison.Ordinal));
        Assert.Equal(PbxStatus.Down, stillStandingDown.Status);
        Assert.True(back.Connected);
        Assert.True(pbx.IsAppConnected("callping"));
    }

    [Fact]
    public async Task Finding7_AnsweredWhileNoSocketWasConnected_SamePersonCalledAgainAtOnceOnReconnect()
    {
        var alice = NewNumber();
        // Alice answers 5 s after the originate: the PBX grain is gone by then even on a loaded machine (at 1.5 s it once
        // was not, and the answer was taken as usual).
        Phone(alice, PhoneScript.Answers(TimeSpan.FromSeconds(5), new ScriptedKey("1", TimeSpan.FromSeconds(0.5))));
        var alertId = await TriggerAsync(await ProjectAsync(alice, NewNumber()));
        var ringing = await FirstTryAsync(alertId);

        await Silo.Cluster.DeactivateAsync(Silo.Pbx(ringing.PbxId));
        await WaitUntilAsync(() => HangupsOf(ringing.ChannelId).Any(h => h.Source == HangupSource.NoApplication), "Asterisk hangs up the answer nobody took");
        await Cluster.ConnectAsync(ringing.PbxId);
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        var call = Assert.Single(alert.Calls);
        Assert.Equal(2, call.Tries.Count);
        Assert.NotEqual(CallOutcome.NoAnswer, call.Tries[0].Outcome);
        Assert.Equal(2, Dialled(alice).Count);
    }

    [Fact]
    public async Task Finding9_PingAnswered404HtmlWhileAsteriskBoots_PbxKeepsTheStatusAndAShortReason()
    {
        var pbx = Cluster.Pbxes[0];
        var pbxId = EscalationCluster.Fleet.All[0].PbxId;
        pbx.Boot = BootStage.AriNotLoaded;
        try
        {
            var health = await Eventually.ReachesAsync(() => Silo.Pbx(pbxId).GetHealthAsync(),
                h => h.LastErrors.Any(e => e.Contains("ping failed: ARI 404", StringComparison.Ordinal)), Within, $"{pbxId}'s ping failed with 404");

            Assert.EndsWith("ping failed: ARI 404: Not Found", health.LastErrors.Last(e => e.Contains("ping failed: ARI 404", StringComparison.Ordinal)));
            Assert.DoesNotContain(health.LastErrors, e => e.Contains('<', StringComparison.Ordinal));
        }
        finally
        {
            pbx.Boot = BootStage.Booted;
        }
    }

    /// <summary>Waits until the alert's first call has its first try dialled; returns that try.</summary>
    private async Task<CallTry> FirstTryAsync(string alertId)
    {
        var alert = await AlertReachesAsync(alertId, a => a.Calls.Count == 1 && a.Calls[0].Tries.Count == 1, "the first try");
        var attempt = alert.Calls[0].Tries[0];
        await WaitUntilAsync(() => Cluster.SimulatorOf(attempt.PbxId).LiveChannelIds().Contains(attempt.ChannelId), "the first try ringing");
        return attempt;
    }
}
