using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallPing.Ari.Events;
using CallPing.Ari.Tests.Infrastructure;
using CallPing.PbxSimulator;
using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.Ari.Tests;

/// <summary>Simulator behaviour the typed client does not exercise: raw auth, JSON bodies, reasons, fleets.</summary>
public sealed class SimulatorHttpTests
{
    [Fact]
    public async Task Request_ApiKeyQuery_IsAccepted()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(harness.Pbx.BaseUrl, "ari/asterisk/ping?api_key=callping:secret"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_NoCredentials_Gets401WithAsteriskRealm()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(harness.Pbx.BaseUrl, "ari/asterisk/ping"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Asterisk REST Interface\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Events_WithoutApp_Gets400BeforeUpgrade()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        using var http = Authorized(harness);

        using var response = await http.GetAsync(new Uri(harness.Pbx.BaseUrl, "ari/events"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Originate_ParametersInJsonBody_AreHonoured()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        using var http = Authorized(harness);
        const string body = """{"endpoint":"PJSIP/+15550140@trunk-a","app":"callping","appArgs":"a,b","variables":{"X":"1"}}""";

        using var response = await http.PostAsync(new Uri(harness.Pbx.BaseUrl, "ari/channels/body-1"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(harness.Pbx.Log.Originates);
        Assert.Equal(("body-1", "+15550140", "1"), (record.ChannelId, record.Number, record.Variables["X"]));
        Assert.Equal(["a", "b"], record.AppArgs);
    }

    [Fact]
    public async Task Hangup_ReasonCode_IsReportedAsCause()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("reason-1", "+15550141");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();
        using var http = Authorized(harness);

        using var response = await http.DeleteAsync(new Uri(harness.Pbx.BaseUrl, "ari/channels/reason-1?reason_code=21"));
        var destroyed = await harness.Stream.Events.WaitForAsync<ChannelDestroyedEvent>();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal((21, "Call Rejected"), (destroyed.Cause, destroyed.CauseTxt));
    }

    [Fact]
    public async Task CalleeHangsUp_AfterAnswer_RaisesHangupRequestDestroyedAndStasisEnd()
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550142", PhoneScript.Answers(TimeSpan.FromMilliseconds(20)) with { HangUpAfter = TimeSpan.FromMilliseconds(100) });

        await harness.OriginateAsync("callee-bye-1", "+15550142");
        var events = await harness.Stream.Events.ReadUntilAsync(e => e is StasisEndEvent);

        Assert.Equal(["StasisStart", "ChannelHangupRequest", "ChannelDestroyed(16)", "StasisEnd"], events.Skip(5).Where(e => e.Type != "ChannelVarset").Select(e => e.Describe()));
        Assert.Contains(harness.Pbx.Log.Hangups, h => h.ChannelId == "callee-bye-1" && h.Source == HangupSource.Remote);
    }

    [Fact]
    public async Task Play_UnknownMediaScheme_FinishesFailed()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("media-1", "+15550143");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();

        await harness.Client.PlayAsync("media-1", "p-1", ["tts:hello"]);
        var finished = await harness.Stream.Events.WaitForAsync<PlaybackFinishedEvent>();

        Assert.Equal("failed", finished.Playback.State);
    }

    [Fact]
    public async Task Fleet_TwoPbxesOnTwoPorts_EachAcceptsOnlyItsOwnTrunk()
    {
        await using var first = await AriHarness.StartAsync(connectEvents: false, new SimulatorOptions { Trunk = "trunk-a" });
        await using var second = await AriHarness.StartAsync(connectEvents: false, new SimulatorOptions { Trunk = "trunk-b" });

        var onOwnTrunk = await second.Client.OriginateAsync(new OriginateRequest("b-1", "PJSIP/+15550144@trunk-b"));
        var onOtherTrunk = await Assert.ThrowsAsync<AriException>(() => second.Client.OriginateAsync(new OriginateRequest("b-2", "PJSIP/+15550144@trunk-a")));

        Assert.NotEqual(first.Pbx.Port, second.Pbx.Port);
        Assert.StartsWith("PJSIP/trunk-b-", onOwnTrunk.Name);
        Assert.Equal(HttpStatusCode.InternalServerError, onOtherTrunk.StatusCode);
        Assert.Empty(first.Pbx.Log.Originates);
    }

    private static HttpClient Authorized(AriHarness harness)
    {
        var http = new HttpClient();
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{harness.Connection.User}:{harness.Connection.Password}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        return http;
    }
}
