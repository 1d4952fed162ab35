using System.Net;
using CallPing.Ari.Events;
using CallPing.Ari.Streaming;
using CallPing.Ari.Tests.Infrastructure;
using CallPing.PbxSimulator;
using Microsoft.Extensions.Logging;

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

    [Fact]
    public async Task Finding2_StopPlaybackAsync_RunningPlayback_NextOneStartsAtOnce()
    {
        await using var harness = await AriHarness.StartAsync(options: new SimulatorOptions { MediaDuration = TimeSpan.FromSeconds(5) });
        await harness.OriginateAsync("f2-1", "+15550151");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();
        await harness.Client.PlayAsync("f2-1", "prompt", ["sound:callping/alert"]);
        await harness.Stream.Events.WaitForAsync<PlaybackStartedEvent>();

        var stopped = await harness.Client.StopPlaybackAsync("prompt");
        await harness.Client.PlayAsync("f2-1", "answer", ["sound:callping/acknowledged"]);
        var started = await harness.Stream.Events.WaitForAsync<PlaybackStartedEvent>(wait: TimeSpan.FromSeconds(2));
        var stoppedAgain = await harness.Client.StopPlaybackAsync("prompt");

        Assert.True(stopped);
        Assert.Equal("answer", started.Playback.Id);
        Assert.False(stoppedAgain);
    }

    [Fact]
    public async Task Finding8_AnsweredCall_ChannelVarsetEventsAreNotLoggedAtInformation()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        var logger = new RecordingLogger<AriEventStream>();
        await using var stream = new AriEventStream(harness.Connection, AriHarness.FastReconnect, logger);
        stream.Start();
        await stream.StateChanges.WaitForStateAsync(AriConnectionState.Connected);
        await harness.OriginateAsync("f8-1", "+15550152");
        await stream.Events.WaitForAsync<StasisStartEvent>();

        await harness.Client.HangupAsync("f8-1");
        var events = await stream.Events.ReadUntilAsync(e => e is StasisEndEvent);

        Assert.Equal(7, events.Count(e => e.Type == "ChannelVarset"));
        Assert.DoesNotContain(logger.Lines, l => l.Level >= LogLevel.Information && l.Message.Contains("ChannelVarset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finding9_PingAsync_AriAnswers404HtmlWhileBooting_ErrorIsTheStatusAndAShortReason()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        harness.Pbx.Boot = BootStage.AriNotLoaded;

        var error = await Assert.ThrowsAsync<AriException>(() => harness.Client.PingAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("ARI 404: Not Found", error.Message);
    }
}
