using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallPing.Ari.Events;
using CallPing.Ari.Tests.Infrastructure;
using CallPing.PbxSimulator;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.Ari.Tests;

/// <summary>Where the simulator had to learn from Asterisk 22.10.1: media parameters, playback queues, ringing channels, booting, rights.</summary>
public sealed class SimulatorFidelityTests
{
    [Fact]
    public async Task Play_RepeatedMediaQueryKey_OnlyTheLastPlays()
    {
        await using var harness = await AnsweredAsync("media-1");

        using var response = await PostAsync(harness, "ari/channels/media-1/play/p1?media=sound:a&media=sound:b", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["sound:b"], harness.Pbx.Log.Playbacks.Single().Media);
    }

    [Fact]
    public async Task Play_CommaListInQuery_PlaysAllInOrder()
    {
        await using var harness = await AnsweredAsync("media-2");

        using var response = await PostAsync(harness, "ari/channels/media-2/play/p1?media=sound:a,sound:b", null);
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is PlaybackFinishedEvent);

        Assert.Equal(["sound:a", "sound:b"], harness.Pbx.Log.Playbacks.Single().Media);
        Assert.Equal(["PlaybackStarted(playing)", "PlaybackContinuing(continuing)", "PlaybackStarted(playing)", "PlaybackFinished(done)"], events.OfType<PlaybackEvent>().Select(e => e.Describe()));
    }

    [Fact]
    public async Task Play_JsonBodyMediaList_ReplacesTheQueryAndPlaysAll()
    {
        await using var harness = await AnsweredAsync("media-3");

        using var response = await PostAsync(harness, "ari/channels/media-3/play/p1?media=sound:x", """{"media": ["sound:a", "sound:b"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["sound:a", "sound:b"], harness.Pbx.Log.Playbacks.Single().Media);
    }

    [Fact]
    public async Task Play_WhileAnotherPlays_IsQueuedAndStartsWhenTheFirstFinishes()
    {
        await using var harness = await AnsweredAsync("queue-1", TimeSpan.FromMilliseconds(300));

        await harness.Client.PlayAsync("queue-1", "first", ["sound:a"]);
        var second = await harness.Client.PlayAsync("queue-1", "second", ["sound:b"]);
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is PlaybackFinishedEvent { Playback.Id: "second" });

        Assert.Equal("queued", second.State);
        Assert.Equal(["first:PlaybackStarted", "first:PlaybackFinished", "second:PlaybackStarted", "second:PlaybackFinished"],
            events.OfType<PlaybackEvent>().Select(e => $"{e.Playback.Id}:{e.Type}"));
    }

    [Fact]
    public async Task StopPlayback_RunningAndQueued_RunningEndsAtOnceAndQueuedNeverStarts()
    {
        await using var harness = await AnsweredAsync("stop-1", TimeSpan.FromSeconds(5));
        await harness.Client.PlayAsync("stop-1", "long", ["sound:a"]);
        await harness.Client.PlayAsync("stop-1", "queued", ["sound:b"]);
        await harness.Client.PlayAsync("stop-1", "answer", ["sound:c"]);
        await harness.Stream.Events.WaitForAsync<PlaybackStartedEvent>(p => p.Playback.Id == "long");

        using var stopQueued = await DeleteAsync(harness, "ari/playbacks/queued");
        using var stopLong = await DeleteAsync(harness, "ari/playbacks/long");
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is PlaybackStartedEvent { Playback.Id: "answer" }, TimeSpan.FromSeconds(3));
        using var again = await DeleteAsync(harness, "ari/playbacks/nothing-such");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NotFound), (stopQueued.StatusCode, stopLong.StatusCode, again.StatusCode));
        Assert.Equal(["long:PlaybackFinished(done)", "queued:PlaybackFinished(done)", "answer:PlaybackStarted(playing)"],
            events.OfType<PlaybackEvent>().Select(e => $"{e.Playback.Id}:{e.Describe()}"));
    }

    [Fact]
    public async Task GetApplication_OriginatedChannelStillRinging_IsListedButRingingOutsideStasis()
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550140", PhoneScript.RingsWithoutAnswer());
        await harness.OriginateAsync("ringing-1", "+15550140");
        await harness.Stream.Events.WaitForAsync<DialEvent>(d => d.DialStatus == "RINGING");

        var application = await harness.Client.GetApplicationAsync();
        var channel = await harness.Client.GetChannelAsync("ringing-1");

        Assert.Contains("ringing-1", application!.ChannelIds);
        Assert.Equal("Ringing", channel!.State);
        Assert.Equal("AppDial2", channel.Dialplan.AppName);
    }

    [Fact]
    public async Task AnsweredCallEnds_SendsChannelVarsetEventsBeforeChannelDestroyed()
    {
        await using var harness = await AnsweredAsync("varset-1");

        await harness.Client.HangupAsync("varset-1");
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is StasisEndEvent);

        Assert.Equal(7, events.Count(e => e.Type == "ChannelVarset"));
        Assert.True(events.FindLastIndex(e => e.Type == "ChannelVarset") < events.FindIndex(e => e is ChannelDestroyedEvent));
    }

    [Fact]
    public async Task Ping_WhileBooting_Gets503AsteriskNotBooted()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        harness.Pbx.Boot = BootStage.Booting;

        var error = await Assert.ThrowsAsync<AriException>(() => harness.Client.PingAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("Asterisk not booted", error.AriMessage);
    }

    [Fact]
    public async Task Ping_AriNotLoadedYet_Gets404HtmlPage()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        harness.Pbx.Boot = BootStage.AriNotLoaded;
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(harness.Pbx.BaseUrl, "ari/asterisk/ping?api_key=callping:secret"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>404 Not Found</title>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadOnlyUser_Writes_Get403AndReadsAreAllowed()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false, new SimulatorOptions { ReadOnlyUser = "watcher", ReadOnlyPassword = "look" });
        using var reader = new AriClient(harness.Connection with { User = "watcher", Password = "look" });

        await reader.PingAsync();
        var error = await Assert.ThrowsAsync<AriException>(() => reader.OriginateAsync(new OriginateRequest("ro-1", AriHarness.Endpoint("+15550141")) { App = AriHarness.App }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("Write access denied", error.AriMessage);
        Assert.Empty(harness.Pbx.Log.Originates);
    }

    private static async Task<AriHarness> AnsweredAsync(string channelId, TimeSpan? mediaDuration = null)
    {
        var harness = await AriHarness.StartAsync(options: new SimulatorOptions { MediaDuration = mediaDuration ?? TimeSpan.FromMilliseconds(100) });
        await harness.OriginateAsync(channelId, "+15550142");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();
        return harness;
    }

    private static async Task<HttpResponseMessage> PostAsync(AriHarness harness, string path, string? json)
    {
        using var http = Authorized(harness);
        return await http.PostAsync(new Uri(harness.Pbx.BaseUrl, path), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
    }

    private static async Task<HttpResponseMessage> DeleteAsync(AriHarness harness, string path)
    {
        using var http = Authorized(harness);
        return await http.DeleteAsync(new Uri(harness.Pbx.BaseUrl, path));
    }

    private static HttpClient Authorized(AriHarness harness)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{harness.Pbx.Options.User}:{harness.Pbx.Options.Password}")));
        return http;
    }
}
