using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>
/// The PBX's ARI connection lives in its PBX grain's activation. When that activation is gone (its silo died, it was
/// deactivated), nobody hears the PBX until a silo's keeper nudges the PBX grain again: a key pressed meanwhile is lost,
/// so after the reconnect the callee hears the menu again and may press again.
/// </summary>
[Collection(EscalationCollection.Name)]
public sealed class TakeoverTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task KeepConnected_KeyPressedWhileNoSocketWasConnected_MenuReplayedAndSecondPressAcknowledges()
    {
        var alice = NewNumber();
        Phone(alice, AnswersAndPresses(("1", 4), ("1", 10)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, NewNumber()));
        var answered = await AlertReachesAsync(alertId, a => a.Calls.Single().Status == CallStatus.Answered, "alice answered");
        var attempt = answered.Calls.Single().Tries.Single();
        await WaitUntilAsync(() => PlaybacksOn(attempt.ChannelId).Count == 1, "the prompt playing to alice");

        await Silo.Cluster.DeactivateAsync(Silo.Pbx(attempt.PbxId));
        await WaitUntilAsync(() => KeyPressesOn(attempt.ChannelId).Count == 1, "alice's first press");
        var whileDisconnected = await AlertAsync(alertId);
        await Cluster.ConnectAsync(attempt.PbxId);
        await WaitUntilAsync(() => PlaybacksOn(attempt.ChannelId).Count == 2, "the menu replayed after the reconnect");
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        var presses = KeyPressesOn(attempt.ChannelId);
        Assert.Equal([false, true], presses.Select(k => k.Delivered));
        Assert.Equal(AlertStatus.Triggered, whileDisconnected.Status);
        var prompt = string.Join(" ", AlertPrompt.FallbackAlert);
        Assert.Equal([prompt, prompt], PlaybacksOn(attempt.ChannelId).Take(2).Select(p => string.Join(" ", p.Media)));
        Assert.True(PlaybacksOn(attempt.ChannelId)[1].At > presses[0].At);
        Assert.Equal($"{Masked(alice)} pressed 1", alert.AcknowledgedBy);
        Assert.Single(alert.Calls);
    }
}
