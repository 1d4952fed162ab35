using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>What the callee hears, as a real Asterisk 22 plays it (issue 10, findings 1 and 2).</summary>
[Collection(EscalationCollection.Name)]
public sealed class PromptFindingTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    /// <summary>Long enough that a key pressed during the prompt comes long before the prompt's end.</summary>
    private static readonly TimeSpan LongMedia = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Finding1_AlertCallAnswered_CalleeHearsTheIntroAndTheMenu()
    {
        var alice = NewNumber();
        Phone(alice, AnswersAndPresses(("1", 1)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, NewNumber()));

        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        var channel = Assert.Single(Assert.Single(alert.Calls).Tries).ChannelId;
        Assert.Equal(AlertPrompt.FallbackAlert, PlaybacksOn(channel)[0].Media);
    }

    [Fact]
    public async Task Finding2_Press1WhileThePromptPlays_AcknowledgedIsHeardAtOnce()
    {
        var alice = NewNumber();
        Phone(alice, AnswersAndPresses(("1", 0.5)));

        var channel = await AnsweredWithLongMediaAsync(alice, AlertPrompt.FallbackAcknowledged[0]);

        var press = Assert.Single(KeyPressesOn(channel)).At;
        var acknowledged = PlaybacksOn(channel).Single(p => p.Media.SequenceEqual(AlertPrompt.FallbackAcknowledged)).PlaybackId;
        var heard = PlaybackStartsOn(channel).Single(s => s.PlaybackId == acknowledged).At;
        Assert.InRange(heard - press, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Finding2_Press9WhileThePromptPlays_PromptStartsAgainAtOnce()
    {
        var alice = NewNumber();
        Phone(alice, AnswersAndPresses(("9", 0.5)));

        var channel = await AnsweredWithLongMediaAsync(alice, AlertPrompt.FallbackAlert[0], playbacks: 2);

        var press = Assert.Single(KeyPressesOn(channel)).At;
        var repeat = PlaybacksOn(channel)[1].PlaybackId;
        var heard = PlaybackStartsOn(channel).Single(s => s.PlaybackId == repeat).At;
        Assert.InRange(heard - press, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        Assert.Equal(AlertPrompt.FallbackAlert, PlaybacksOn(channel)[1].Media);
    }

    /// <summary>Raises an alert to the callee with every sound lasting <see cref="LongMedia"/>; waits until the playback that starts with <paramref name="sound"/> has started.</summary>
    private async Task<string> AnsweredWithLongMediaAsync(string callee, string sound, int playbacks = 1)
    {
        foreach (var pbx in Cluster.Pbxes)
        {
            pbx.MediaDuration = LongMedia;
        }

        try
        {
            var alertId = await TriggerAsync(await ProjectAsync(callee, NewNumber()));
            var answered = await AlertReachesAsync(alertId, a => a.Calls.Single().Status == CallStatus.Answered, "the callee answered");
            var channel = answered.Calls.Single().Tries.Single().ChannelId;
            await WaitUntilAsync(
                () => PlaybacksOn(channel).Where(p => p.Media[0] == sound).Skip(playbacks - 1).FirstOrDefault() is { } playback
                    && PlaybackStartsOn(channel).Any(s => s.PlaybackId == playback.PlaybackId),
                $"the playback of {sound} started");
            return channel;
        }
        finally
        {
            foreach (var pbx in Cluster.Pbxes)
            {
                pbx.MediaDuration = pbx.Options.MediaDuration;
            }
        }
    }
}
