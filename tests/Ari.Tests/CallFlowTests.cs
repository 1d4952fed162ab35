using CallPing.Ari.Events;
using CallPing.Ari.Tests.Infrastructure;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.Ari.Tests;

/// <summary>One call's events, as CallPing sees them over the real WebSocket.</summary>
public sealed class CallFlowTests
{
    [Fact]
    public async Task OriginateAsync_CalleeAnswers_RaisesDialProgressThenStasisStartWithArgs()
    {
        await using var harness = await AriHarness.StartAsync();

        await harness.OriginateAsync("alert-1-1-1", "+15550100", "alert-1", "attempt-1");
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is StasisStartEvent);

        Assert.Equal(
            ["Dial()", "ChannelStateChange(Ringing)", "Dial(RINGING)", "Dial(ANSWER)", "ChannelStateChange(Up)", "StasisStart"],
            events.Select(e => e.Describe()));
        var start = Assert.IsType<StasisStartEvent>(events[^1]);
        Assert.Equal(["alert-1", "attempt-1"], start.Args);
        Assert.Equal("alert-1-1-1", start.Channel.Id);
        Assert.Equal("Stasis", start.Channel.Dialplan.AppName);
        Assert.Equal(AriHarness.App, start.Application);
        Assert.Equal(harness.Pbx.Options.AsteriskId, start.AsteriskId);
        Assert.True(start.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task PlayAsync_AnsweredChannel_RaisesPlaybackStartedThenFinishedDone()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("play-1", "+15550101");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();

        var playback = await harness.Client.PlayAsync("play-1", "prompt-1", ["sound:callping/alert", "sound:callping/press-1"]);
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is PlaybackFinishedEvent);

        Assert.Equal("prompt-1", playback.Id);
        Assert.Equal("channel:play-1", playback.TargetUri);
        Assert.Equal(["PlaybackStarted(playing)", "PlaybackContinuing(continuing)", "PlaybackStarted(playing)", "PlaybackFinished(done)"], events.Select(e => e.Describe()));
    }

    [Fact]
    public async Task CalleePressesKeys_AfterAnswer_RaisesChannelDtmfReceivedInOrder()
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550102", PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(50), "91", TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)));

        await harness.OriginateAsync("dtmf-1", "+15550102");
        var first = await harness.Stream.Events.WaitForAsync<ChannelDtmfReceivedEvent>();
        var second = await harness.Stream.Events.WaitForAsync<ChannelDtmfReceivedEvent>();

        Assert.Equal(("9", "1"), (first.Digit, second.Digit));
        Assert.Equal("dtmf-1", second.Channel.Id);
        Assert.True(first.DurationMs > 0);
    }

    [Fact]
    public async Task HangupAsync_AnsweredChannel_RaisesHangupRequestDestroyedAndStasisEnd()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("bye-1", "+15550103");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();

        var hungUp = await harness.Client.HangupAsync("bye-1");
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is StasisEndEvent);

        Assert.True(hungUp);
        Assert.Equal(["ChannelHangupRequest", "ChannelDestroyed(16)", "StasisEnd"], events.Where(e => e.Type != "ChannelVarset").Select(e => e.Describe()));
        var destroyed = events.OfType<ChannelDestroyedEvent>().Single();
        Assert.Equal("Normal Clearing", destroyed.CauseTxt);
        Assert.Null(destroyed.TechCause);
        Assert.Null(await harness.Client.GetChannelAsync("bye-1"));
        Assert.Contains(harness.Pbx.Log.Hangups, h => h.ChannelId == "bye-1" && h.Source == HangupSource.Client && h.Answered);
    }

    [Theory]
    [InlineData(17, "BUSY", "User busy", 486, CallOutcome.Busy)]
    [InlineData(21, "NOANSWER", "Call Rejected", 603, CallOutcome.Rejected)]
    [InlineData(34, "CONGESTION", "Circuit/channel congestion", 503, CallOutcome.TrunkFailure)]
    [InlineData(38, "NOANSWER", "Network out of order", 500, CallOutcome.TrunkFailure)]
    [InlineData(1, "NOANSWER", "Unallocated (unassigned) number", 404, CallOutcome.BadNumber)]
    public async Task OriginateAsync_CallFails_DestroyedCarriesCauseAndClassifies(int cause, string dialStatus, string causeText, int sip, CallOutcome expected)
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550104", PhoneScript.Fails(cause) with { RingFor = TimeSpan.FromMilliseconds(50) });

        await harness.OriginateAsync("fail-1", "+15550104");
        var events = await harness.Stream.Events.ReadCallAsync("fail-1");

        var destroyed = Assert.IsType<ChannelDestroyedEvent>(events[^1]);
        var lastDial = events.OfType<DialEvent>().Last();
        Assert.Equal((cause, causeText, sip), (destroyed.Cause, destroyed.CauseTxt, destroyed.TechCause));
        Assert.Equal(dialStatus, lastDial.DialStatus);
        Assert.DoesNotContain(events, e => e is StasisStartEvent);
        Assert.Equal(expected, CallOutcomes.Classify(answered: false, lastDial.DialStatus, destroyed.Cause));
    }

    [Fact]
    public async Task OriginateAsync_RingsPastTimeout_DestroyedWithCause19AndNoFinalDialStatus()
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550105", PhoneScript.RingsWithoutAnswer());

        await harness.Client.OriginateAsync(new OriginateRequest("ring-1", AriHarness.Endpoint("+15550105")) { TimeoutSeconds = 1 });
        var events = await harness.Stream.Events.ReadCallAsync("ring-1");

        Assert.Equal(["Dial()", "ChannelStateChange(Ringing)", "Dial(RINGING)", "ChannelDestroyed(19)"], events.Select(e => e.Describe()));
        var destroyed = (ChannelDestroyedEvent)events[^1];
        Assert.Equal(480, destroyed.TechCause);
        Assert.Equal(CallOutcome.NoAnswer, CallOutcomes.Classify(false, "RINGING", destroyed.Cause));
    }

    [Fact]
    public async Task HangupAsync_WhileRinging_CancelsDialWithoutStasisEnd()
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550106", PhoneScript.RingsWithoutAnswer());
        await harness.OriginateAsync("cancel-1", "+15550106");
        await harness.Stream.Events.WaitForAsync<DialEvent>(d => d.DialStatus == "RINGING");

        await harness.Client.HangupAsync("cancel-1");
        var events = await harness.Stream.Events.ReadCallAsync("cancel-1");

        Assert.Equal(["Dial(CANCEL)", "ChannelHangupRequest", "ChannelDestroyed(16)"], events.Select(e => e.Describe()));
    }

    [Fact]
    public async Task Answer_NoEventSocketConnected_CallIsHungUpAtOnce()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        harness.Pbx.Scripts.Set("+15550107", PhoneScript.Answers(TimeSpan.FromMilliseconds(20)));

        var channel = await harness.OriginateAsync("orphan-1", "+15550107");
        var hangup = await WaitForHangupAsync(harness, "orphan-1");

        Assert.Equal("Down", channel.State);
        Assert.Equal(HangupSource.NoApplication, hangup.Source);
        Assert.Null(await harness.Client.GetChannelAsync("orphan-1"));
    }

    private static async Task<HangupRecord> WaitForHangupAsync(AriHarness harness, string channelId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (harness.Pbx.Log.Hangups.FirstOrDefault(h => h.ChannelId == channelId) is { } hangup)
            {
                return hangup;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{channelId} was never hung up");
    }
}
