using System.Net;
using CallPing.Ari.Events;
using CallPing.Ari.Tests.Infrastructure;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.Ari.Tests;

/// <summary>The REST side of the client against the simulator over real HTTP.</summary>
public sealed class AriClientTests
{
    [Fact]
    public async Task PingAsync_PbxUp_ReturnsPongWithAsteriskId()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var ping = await harness.Client.PingAsync();

        Assert.Equal("pong", ping.Ping);
        Assert.Equal(harness.Pbx.Options.AsteriskId, ping.AsteriskId);
    }

    [Fact]
    public async Task GetAsteriskInfoAsync_PbxUp_ReportsVersionAndStartupTime()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var info = await harness.Client.GetAsteriskInfoAsync();

        Assert.Equal("22.10.1", info.System?.Version);
        Assert.True(info.Status?.StartupTime > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task OriginateAsync_NewChannelId_ReturnsDownChannelAndPbxRecordsIt()
    {
        await using var harness = await AriHarness.StartAsync();
        var request = new OriginateRequest("alert-7-1-1", AriHarness.Endpoint("+15550110"))
        {
            AppArgs = ["alert-7", "1"],
            CallerId = "CallPing <+15550199>",
            TimeoutSeconds = 20,
            Variables = new Dictionary<string, string> { ["CALLPING_ALERT"] = "alert-7" },
        };

        var channel = await harness.Client.OriginateAsync(request);

        Assert.Equal("alert-7-1-1", channel.Id);
        Assert.Equal("Down", channel.State);
        Assert.Matches("^PJSIP/trunk-a-[0-9a-f]{8}$", channel.Name);
        Assert.Equal(("CallPing", "+15550199"), (channel.Caller.Name, channel.Caller.Number));
        Assert.True(channel.CreationTime > DateTimeOffset.UtcNow.AddMinutes(-1));
        var record = Assert.Single(harness.Pbx.Log.Originates);
        Assert.Equal(("+15550110", AriHarness.App, 200), (record.Number, record.App, record.StatusCode));
        Assert.Equal(["alert-7", "1"], record.AppArgs);
        Assert.Equal("alert-7", record.Variables["CALLPING_ALERT"]);
    }

    [Fact]
    public async Task OriginateAsync_SameIdWhileChannelLives_Throws409()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("dup-1", "+15550111");

        var error = await Assert.ThrowsAsync<AriException>(() => harness.OriginateAsync("dup-1", "+15550111"));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Channel with given unique ID already exists", error.AriMessage);
        Assert.Single(harness.Pbx.LiveChannelIds());
    }

    [Fact]
    public async Task OriginateAsync_SameIdAfterChannelEnded_Succeeds()
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550112", PhoneScript.Busy());
        await harness.OriginateAsync("again-1", "+15550112");
        await harness.Stream.Events.WaitForAsync<ChannelDestroyedEvent>();

        var channel = await harness.OriginateAsync("again-1", "+15550112");

        Assert.Equal("again-1", channel.Id);
    }

    [Fact]
    public async Task OriginateAsync_UnknownTechnology_Throws500AllocationFailed()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var error = await Assert.ThrowsAsync<AriException>(() =>
            harness.Client.OriginateAsync(new OriginateRequest("bad-tech", "FOO/+15550113@trunk-a")));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("Allocation failed", error.AriMessage);
        Assert.Empty(harness.Pbx.LiveChannelIds());
    }

    [Fact]
    public async Task OriginateAsync_EmptyEndpoint_Throws400()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var error = await Assert.ThrowsAsync<AriException>(() => harness.Client.OriginateAsync(new OriginateRequest("no-endpoint", "")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task PingAsync_WrongPassword_ThrowsAriException401()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        using var client = new AriClient(harness.Connection with { Password = "wrong" });

        var error = await Assert.ThrowsAsync<AriException>(() => client.PingAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Authentication required", error.AriMessage);
    }

    [Fact]
    public async Task GetChannelAsync_UnknownId_ReturnsNull()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var channel = await harness.Client.GetChannelAsync("never-was");

        Assert.Null(channel);
    }

    [Fact]
    public async Task HangupAsync_ChannelAlreadyGone_ReturnsFalseWithoutThrowing()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var hungUp = await harness.Client.HangupAsync("never-was");

        Assert.False(hungUp);
    }

    [Fact]
    public async Task PlayAsync_ChannelStillRinging_Throws409NotInStasis()
    {
        await using var harness = await AriHarness.StartAsync();
        harness.Pbx.Scripts.Set("+15550114", PhoneScript.RingsWithoutAnswer());
        await harness.OriginateAsync("early-1", "+15550114");

        var error = await Assert.ThrowsAsync<AriException>(() => harness.Client.PlayAsync("early-1", "p-1", ["sound:hello"]));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Channel not in Stasis application", error.AriMessage);
    }

    [Fact]
    public async Task AnswerAsync_ChannelInStasis_Succeeds()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("answer-1", "+15550115");
        await harness.Stream.Events.WaitForAsync<StasisStartEvent>();

        await harness.Client.AnswerAsync("answer-1");

        Assert.Equal("Up", (await harness.Client.GetChannelAsync("answer-1"))?.State);
    }

    [Fact]
    public async Task GetApplicationAsync_CallInFlight_ListsItsChannelId()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("inflight-1", "+15550116");

        var application = await harness.Client.GetApplicationAsync();

        Assert.Equal(AriHarness.App, application?.Name);
        Assert.Equal(["inflight-1"], application?.ChannelIds);
    }

    [Fact]
    public async Task GetApplicationAsync_NeverRegistered_ReturnsNull()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);

        var application = await harness.Client.GetApplicationAsync("nobody");

        Assert.Null(application);
    }
}
