using CallPing.Ari.Events;
using CallPing.Ari.Tests.Infrastructure;

namespace CallPing.Ari.Tests;

/// <summary>What the ARI client got wrong on a real Asterisk 22, by the number of the finding (issue 10).</summary>
public sealed class AriFindingTests
{
    [Fact]
    public async Task Finding1_PlayAsync_TwoMedia_BothPlayInOrder()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("f1-1", "+15550150");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();

        await harness.Client.PlayAsync("f1-1", "prompt", ["sound:callping/alert", "sound:callping/menu"]);
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is PlaybackFinishedEvent);

        Assert.Equal(["sound:callping/alert", "sound:callping/menu"], harness.Pbx.Log.Playbacks.Single().Media);
        Assert.Contains(events, e => e is PlaybackContinuingEvent);
    }
}
