using System.Text.Json;
using CallPing.Ari.Events;

namespace CallPing.Ari.Tests;

/// <summary>Parsing events shaped as Asterisk 22 sends them, independent of the simulator.</summary>
public sealed class AriEventParserTests
{
    private const string ChannelJson = """
        {"id":"alert-1-1-1","name":"PJSIP/trunk-a-0000002a","state":"Up","protocol_id":"abc@10.0.0.1",
         "caller":{"name":"CallPing","number":"+15550199"},"connected":{"name":"","number":"+15550100"},
         "accountcode":"","dialplan":{"context":"default","exten":"s","priority":1,"app_name":"Stasis","app_data":"callping,alert-1"},
         "creationtime":"2026-03-01T10:00:00.250+0000","language":"en"}
        """;

    [Fact]
    public void Parse_ChannelDestroyedWithTechCause_ReadsCauseAndChannel()
    {
        var json = $$"""{"type":"ChannelDestroyed","timestamp":"2026-03-01T10:00:05.000+0000","cause":17,"cause_txt":"User busy","tech_cause":486,"channel":{{ChannelJson}},"asterisk_id":"02:42:ac:11:00:02","application":"callping"}""";

        var parsed = Assert.IsType<ChannelDestroyedEvent>(AriEventParser.Parse(json));

        Assert.Equal((17, "User busy", (int?)486), (parsed.Cause, parsed.CauseTxt, parsed.TechCause));
        Assert.Equal("PJSIP/trunk-a-0000002a", parsed.Channel.Name);
        Assert.Equal(("CallPing", "+15550199"), (parsed.Channel.Caller.Name, parsed.Channel.Caller.Number));
        Assert.Equal("callping,alert-1", parsed.Channel.Dialplan.AppData);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, 250, TimeSpan.Zero), parsed.Channel.CreationTime);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 5, TimeSpan.Zero), parsed.Timestamp);
        Assert.Equal("02:42:ac:11:00:02", parsed.AsteriskId);
    }

    [Fact]
    public void Parse_ChannelDestroyedOnNormalClearing_HasNoTechCause()
    {
        var json = $$"""{"type":"ChannelDestroyed","timestamp":"2026-03-01T10:00:05.000+0000","cause":16,"cause_txt":"Normal Clearing","channel":{{ChannelJson}}}""";

        var parsed = Assert.IsType<ChannelDestroyedEvent>(AriEventParser.Parse(json));

        Assert.Null(parsed.TechCause);
    }

    [Fact]
    public void Parse_DialFromOriginate_HasPeerAndNoCaller()
    {
        var json = $$"""{"type":"Dial","timestamp":"2026-03-01T10:00:01.000+0000","dialstatus":"RINGING","dialstring":"+15550100@trunk-a","peer":{{ChannelJson}}}""";

        var parsed = Assert.IsType<DialEvent>(AriEventParser.Parse(json));

        Assert.Equal(("RINGING", "+15550100@trunk-a"), (parsed.DialStatus, parsed.DialString));
        Assert.Null(parsed.Caller);
        Assert.Equal("alert-1-1-1", parsed.Peer.Id);
    }

    [Fact]
    public void Parse_StasisStartAndDtmf_ReadArgsAndDigit()
    {
        var start = $$"""{"type":"StasisStart","timestamp":"2026-03-01T10:00:02.000+0000","args":["alert-1","2"],"channel":{{ChannelJson}}}""";
        var dtmf = $$"""{"type":"ChannelDtmfReceived","timestamp":"2026-03-01T10:00:03.000+0000","digit":"#","duration_ms":140,"channel":{{ChannelJson}}}""";

        var parsedStart = Assert.IsType<StasisStartEvent>(AriEventParser.Parse(start));
        var parsedDtmf = Assert.IsType<ChannelDtmfReceivedEvent>(AriEventParser.Parse(dtmf));

        Assert.Equal(["alert-1", "2"], parsedStart.Args);
        Assert.Equal(("#", 140), (parsedDtmf.Digit, parsedDtmf.DurationMs));
    }

    [Fact]
    public void Parse_PlaybackFinishedFailed_ReadsState()
    {
        const string json = """{"type":"PlaybackFinished","timestamp":"2026-03-01T10:00:04.000+0000","playback":{"id":"p1","media_uri":"sound:https://x/y.wav","target_uri":"channel:c1","language":"en","state":"failed"}}""";

        var parsed = Assert.IsType<PlaybackFinishedEvent>(AriEventParser.Parse(json));

        Assert.Equal(("failed", "channel:c1"), (parsed.Playback.State, parsed.Playback.TargetUri));
    }

    [Fact]
    public void Parse_UnknownType_ReturnsRawJson()
    {
        const string json = """{"type":"EndpointStateChange","timestamp":"2026-03-01T10:00:04.000+0000","endpoint":{}}""";

        var parsed = Assert.IsType<UnknownAriEvent>(AriEventParser.Parse(json));

        Assert.Equal(("EndpointStateChange", json), (parsed.Type, parsed.RawJson));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"cause":16}""")]
    [InlineData("""{"type":"StasisStart","args":[]}""")]
    public void Parse_MalformedOrIncomplete_ThrowsJsonException(string json)
    {
        var error = Record.Exception(() => AriEventParser.Parse(json));

        Assert.IsAssignableFrom<JsonException>(error);
    }
}
