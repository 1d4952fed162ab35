using CallPing.Ari.Events;
using CallPing.Ari.Streaming;
using CallPing.Ari.Tests.Infrastructure;

namespace CallPing.Ari.Tests;

/// <summary>The event WebSocket's life: drops, garbage, takeover, a PBX that goes away and comes back.</summary>
public sealed class EventStreamTests
{
    [Fact]
    public async Task SocketDroppedByPbx_ClientReconnectsAndReceivesLaterEvents()
    {
        await using var harness = await AriHarness.StartAsync();

        var dropped = harness.Pbx.DropEventSockets();
        await harness.Stream.StateChanges.WaitForStateAsync(AriConnectionState.Disconnected);
        var reconnected = await harness.Stream.StateChanges.WaitForStateAsync(AriConnectionState.Connected, minConnection: 2);
        await harness.OriginateAsync("after-drop-1", "+15550130");
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is StasisStartEvent);

        Assert.Equal(1, dropped);
        Assert.Equal(2, reconnected.ConnectionNumber);
        Assert.Equal(["Dial()", "ChannelStateChange(Ringing)", "Dial(RINGING)", "Dial(ANSWER)", "ChannelStateChange(Up)", "StasisStart"], events.Select(e => e.Describe()));
    }

    [Fact]
    public async Task MalformedAndUnknownMessages_AreSkippedOrSurfaced_StreamKeepsWorking()
    {
        await using var harness = await AriHarness.StartAsync();

        harness.Pbx.SendRawEvent(AriHarness.App, "{ this is not json");
        harness.Pbx.SendRawEvent(AriHarness.App, """{"no_type":true}""");
        harness.Pbx.SendRawEvent(AriHarness.App, """{"type":"ChannelDtmfReceived","digit":"1"}""");
        harness.Pbx.SendRawEvent(AriHarness.App, """{"type":"BridgeCreated","timestamp":"2026-03-01T10:00:00.000+0000","bridge":{"id":"b1"},"asterisk_id":"x","application":"callping"}""");
        await harness.OriginateAsync("after-garbage-1", "+15550131");
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is StasisStartEvent);

        var unknown = Assert.IsType<UnknownAriEvent>(events[0]);
        Assert.Equal("BridgeCreated", unknown.Type);
        Assert.Contains("\"b1\"", unknown.RawJson);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), unknown.Timestamp);
        Assert.IsType<StasisStartEvent>(events[^1]);
        Assert.Equal(AriConnectionState.Connected, harness.Stream.State);
        Assert.False(harness.Stream.StateChanges.TryRead(out var change), $"the connection must not have been restarted, but saw {change}");
    }

    [Fact]
    public async Task SecondConnectionForSameApp_FirstGetsApplicationReplacedAndStopsReconnecting()
    {
        await using var harness = await AriHarness.StartAsync();
        var first = harness.Stream;

        var second = await harness.OpenConnectedStreamAsync();
        var replaced = await first.Events.WaitForAsync<ApplicationReplacedEvent>();
        var firstStates = await ReadToEndAsync(first.StateChanges);
        await harness.OriginateAsync("takeover-1", "+15550132");
        var start = await second.Events.WaitForAsync<StasisStartEvent>();

        Assert.Equal(AriHarness.App, replaced.Application);
        Assert.Equal([AriConnectionState.Replaced], firstStates.Select(s => s.State));
        Assert.Equal(AriConnectionState.Replaced, first.State);
        Assert.Equal("takeover-1", start.Channel.Id);
        Assert.True(harness.Pbx.IsAppConnected(AriHarness.App));
        Assert.Equal(AriConnectionState.Connected, second.State);
    }

    [Fact]
    public async Task PbxDownThenUp_StreamReconnectsAndReconciliationFindsCallGone()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("crash-1", "+15550133");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();

        await harness.Pbx.StopAsync();
        var down = await harness.Stream.StateChanges.WaitForStateAsync(AriConnectionState.Disconnected);
        await Task.Delay(300);
        await harness.Pbx.StartAsync();
        await harness.Stream.StateChanges.WaitForStateAsync(AriConnectionState.Connected, minConnection: 2);
        var application = await harness.Client.GetApplicationAsync();
        var channel = await harness.Client.GetChannelAsync("crash-1");

        Assert.NotNull(down.Error);
        Assert.Equal([], application?.ChannelIds);
        Assert.Null(channel);
    }

    [Fact]
    public async Task Connect_WrongPassword_StaysDisconnectedAndReports401()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var stream = harness.OpenStream(harness.Connection with { Password = "wrong" });
        await WaitUntilAsync(() => stream.LastError is not null);

        Assert.Contains("401", stream.LastError);
        Assert.Equal(AriConnectionState.Disconnected, stream.State);
        Assert.False(harness.Pbx.IsAppConnected(AriHarness.App));
    }

    [Fact]
    public async Task DisposeAsync_ConnectedStream_CompletesReadersWithStopped()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        var stream = new AriEventStream(harness.Connection, AriHarness.FastReconnect);
        stream.Start();
        await stream.StateChanges.WaitForStateAsync(AriConnectionState.Connected);

        await stream.DisposeAsync();
        var states = await ReadToEndAsync(stream.StateChanges);

        Assert.Equal([AriConnectionState.Stopped], states.Select(s => s.State));
        Assert.True(stream.Events.Completion.IsCompleted);
        await WaitUntilAsync(() => !harness.Pbx.IsAppConnected(AriHarness.App));
    }

    [Fact]
    public void EventsUri_HttpBaseUrl_IsWebSocketUrlWithApp()
    {
        var options = new AriConnectionOptions(new Uri("http://pbx-1:8088/"), "u", "p", "call ping");

        var uri = new AriEventStream(options).EventsUri;

        Assert.Equal("ws://pbx-1:8088/ari/events?app=call%20ping", uri.AbsoluteUri);
    }

    private static async Task<List<T>> ReadToEndAsync<T>(System.Threading.Channels.ChannelReader<T> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var items = new List<T>();
        await foreach (var item in reader.ReadAllAsync(timeout.Token))
        {
            items.Add(item);
        }

        return items;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
