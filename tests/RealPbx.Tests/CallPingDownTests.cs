using CallPing.Grains.Interfaces.Models;
using CallPing.RealPbx.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.RealPbx.Tests;

/// <summary>CallPing stops while a phone rings; Asterisk carries on meanwhile, and tells nobody what happened.</summary>
[Collection(RealPbxCollection.Name)]
public sealed class CallPingDownTests
{
    private const string Frank = "+15550401";
    private const string Grace = "+15550402";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [RealPbxFact]
    public async Task CallPingRestartedWhileThePhoneRings_TheAnswerAfterIsTaken_PromptPlayedAndAcknowledged()
    {
        // Frank answers after 40 s of ringing: time for CallPing to stop and start again meanwhile, even on a loaded machine
        // (20 s was once too short: he answered while CallPing was down, so Asterisk hung up and he was called again).
        await using var rig = await RealPbxRig.StartAsync(PhoneLine.Everywhere(Frank, "answers-and-presses-1", TimeSpan.FromSeconds(40)));
        var (key, alertId, first) = await rig.AlertRingingAsync(Frank, ringTimeoutSeconds: 90);

        await rig.Silo.TerminateAsync(Within);
        rig.Silo.Restart();
        await rig.Silo.WaitUntilReadyAsync(RealPbxRig.StartTimeout);
        await rig.WaitUntilHealthyAsync(RealPbxRig.Pbx1, RealPbxRig.Pbx2);
        var backAt = DateTimeOffset.UtcNow;
        var alert = await rig.AlertReachesAsync(key, alertId, a => a.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended),
            Within, "acknowledged by the answer that came after the restart");

        var tries = Assert.Single(alert.Calls).Tries;
        Assert.True(tries.Count == 1, $"called {tries.Count} times: did the phone answer before CallPing was back? (back at {backAt:O})\n{RealPbxRig.Describe(alert)}");
        var attempt = tries[0];
        Assert.True(attempt.AnsweredAt > backAt, $"the phone answered before CallPing was back; the test needs a longer ring\n{RealPbxRig.Describe(alert)}");
        Assert.Equal(CallOutcome.Answered, attempt.Outcome);
        Assert.NotEmpty(rig[first.PbxId].SoundsPlayedTo(Frank));
        Assert.False(attempt.SpeechFailed, "the PBX could not play the spoken alert from the restarted CallPing");
    }

    [RealPbxFact]
    public async Task PhoneAnswersWhileCallPingIsDown_OnRestartTheTryEndsAtOnce_AndTheSamePersonIsCalledAgain()
    {
        // Grace answers after 4 s of ringing, while CallPing is down: Asterisk hangs up at once (no Stasis app).
        await using var rig = await RealPbxRig.StartAsync(PhoneLine.Everywhere(Grace, "answers-and-presses-1", TimeSpan.FromSeconds(4)));
        var (key, alertId, first) = await rig.AlertRingingAsync(Grace, ringTimeoutSeconds: 30);

        rig.Silo.Kill();
        await rig.Silo.WaitForExitAsync(Within);
        await Eventually.ReachesAsync(() => rig[first.PbxId].ChannelStateAsync(first.ChannelId), state => state is null, Within, "the answered channel hung up by Asterisk");
        rig.Silo.Restart();
        await rig.Silo.WaitUntilReadyAsync(RealPbxRig.StartTimeout);
        var backAt = DateTimeOffset.UtcNow;
        var alert = await rig.AlertReachesAsync(key, alertId, a => a.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended),
            Within, "acknowledged by Grace on the next try");

        var tries = alert.Calls.SelectMany(c => c.Tries).ToList();
        Assert.True(tries.Count == 2, RealPbxRig.Describe(alert));
        Assert.NotEqual(CallOutcome.Answered, tries[0].Outcome);
        Assert.True(tries[1].DialedAt - backAt < TimeSpan.FromSeconds(15),
            $"called again {(tries[1].DialedAt - backAt)?.TotalSeconds:0.0} s after CallPing was back\n{RealPbxRig.Describe(alert)}");
        Assert.Equal(CallOutcome.Answered, tries[1].Outcome);
    }
}
