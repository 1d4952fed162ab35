using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.PbxSimulator.Recording;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>What the callee's key does: 1 acknowledges, 2 passes on at once, 9 repeats the prompt, nothing moves on after the delay.</summary>
[Collection(EscalationCollection.Name)]
public sealed class KeyPressTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task Press1_FirstContactAcknowledges_AlertAcknowledgedAndNobodyElseCalled()
    {
        var (alice, bob) = (NewNumber(), NewNumber());
        Phone(alice, AnswersAndPresses(("1", 0.5)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, bob));

        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);
        Silo.Time.Advance(Policy.StepDelay + TimeSpan.FromMinutes(1));

        var call = Assert.Single((await AlertAsync(alertId)).Calls);
        Assert.Equal(CallResult.Acknowledged, call.Result);
        Assert.Equal($"{Masked(alice)} pressed 1", alert.AcknowledgedBy);
        Assert.Single(Dialled(alice));
        Assert.Empty(Dialled(bob));
        var channel = Assert.Single(call.Tries).ChannelId;
        await WaitUntilAsync(() => PlaybacksOn(channel).Any(p => p.Media.SequenceEqual(AlertPrompt.FallbackAcknowledged)), "the callee hears 'acknowledged'");
        await WaitUntilAsync(() => HangupsOf(channel).Any(h => h.Source == HangupSource.Client), "CallPing hangs up after 'acknowledged'");
    }

    [Fact]
    public async Task Press2_FirstContactPassesOn_NextContactCalledAtOnce()
    {
        var (alice, bob) = (NewNumber(), NewNumber());
        Phone(alice, AnswersAndPresses(("2", 0.5)));
        Phone(bob, AnswersAndPresses(("1", 0.5)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, bob));

        // The fake clock stands still: bob's call cannot have waited for any step delay.
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        Assert.Equal([CallResult.PassedOn, CallResult.Acknowledged], alert.Calls.Select(c => c.Result));
        Assert.Equal($"{Masked(bob)} pressed 1", alert.AcknowledgedBy);
        Assert.Single(Dialled(alice));
        Assert.Single(Dialled(bob));
        Assert.True(Dialled(bob)[0].At > Dialled(alice)[0].At);
    }

    [Fact]
    public async Task Press9ThenPress1_PromptPlayedAgain_ThenAcknowledged()
    {
        var alice = NewNumber();
        Phone(alice, AnswersAndPresses(("9", 0.5), ("1", 1.5)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, NewNumber()));

        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        var channel = Assert.Single(Assert.Single(alert.Calls).Tries).ChannelId;
        await WaitUntilAsync(() => PlaybacksOn(channel).Count >= 3, "three playbacks");
        var prompt = string.Join(" ", AlertPrompt.FallbackAlert);
        Assert.Equal([prompt, prompt, string.Join(" ", AlertPrompt.FallbackAcknowledged)], PlaybacksOn(channel).Select(p => string.Join(" ", p.Media)));
        Assert.Equal($"{Masked(alice)} pressed 1", alert.AcknowledgedBy);
    }

    [Fact]
    public async Task NoKey_KeyWaitPasses_NotAcknowledgedAndNextContactAfterTheStepDelay()
    {
        var (alice, bob) = (NewNumber(), NewNumber());
        Phone(alice, AnswersAndPresses());
        Phone(bob, AnswersAndPresses(("1", 0.5)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, bob));
        var answered = await AlertReachesAsync(alertId, a => a.Calls.Single().Status == CallStatus.Answered, "alice answered");
        var channel = answered.Calls.Single().Tries.Single().ChannelId;
        await WaitUntilAsync(() => PlaybacksOn(channel).Count == 1, "the prompt playing to alice");

        Silo.Time.Advance(AlertPrompt.KeyWait + TimeSpan.FromSeconds(1));
        var wait = await WaitingForNextStepAsync(alertId);
        Silo.Time.Advance(wait - TimeSpan.FromSeconds(1));
        var dialledBeforeTheDelay = Dialled(bob).Count + (await AlertAsync(alertId)).Calls.Count - 1;
        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        Assert.Equal(Policy.StepDelay, wait);
        Assert.Equal(0, dialledBeforeTheDelay);
        Assert.Equal([CallResult.NotAcknowledged, CallResult.Acknowledged], alert.Calls.Select(c => c.Result));
        Assert.Contains(HangupsOf(channel), h => h.Source == HangupSource.Client);
        Assert.Equal($"{Masked(bob)} pressed 1", alert.AcknowledgedBy);
    }
}
