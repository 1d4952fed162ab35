using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>What the callee hears, as a real Asterisk 22 plays it (issue 10, findings 1 and 2).</summary>
[Collection(EscalationCollection.Name)]
public sealed class PromptFindingTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task Finding1_AlertCallAnswered_CalleeHearsTheIntroAndTheMenu()
    {
        var alice = NewNumber();
        Phone(alice, AnswersAndPresses(("1", 1)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, NewNumber()));

        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        var channel = Assert.Single(Assert.Single(alert.Calls).Tries).ChannelId;
        Assert.Equal(AlertPrompt.Prompt, PlaybacksOn(channel)[0].Media);
    }
}
