using CallPing.Ari.Tests.Infrastructure;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.Ari.Tests;

/// <summary>"PBX down" must be told apart from "ARI said no".</summary>
public sealed class PbxAvailabilityTests
{
    [Fact]
    public async Task PingAsync_PbxDown_ThrowsAriUnavailable()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        await harness.Pbx.StopAsync();

        var error = await Assert.ThrowsAsync<AriUnavailableException>(() => harness.Client.PingAsync());

        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task PingAsync_PbxBackOnSamePort_Succeeds()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        var port = harness.Pbx.Port;
        await harness.Pbx.StopAsync();
        await Assert.ThrowsAsync<AriUnavailableException>(() => harness.Client.PingAsync());

        await harness.Pbx.StartAsync();
        var ping = await harness.Client.PingAsync();

        Assert.Equal("pong", ping.Ping);
        Assert.Equal(port, harness.Pbx.Port);
    }

    [Fact]
    public async Task OriginateAsync_PbxSlowerThanRequestTimeout_ThrowsAriUnavailable()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        harness.Pbx.Scripts.Set("+15550120", PhoneScript.Default with { OriginateDelay = TimeSpan.FromSeconds(2) });
        using var client = new AriClient(harness.Connection with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<AriUnavailableException>(() =>
            client.OriginateAsync(new OriginateRequest("slow-1", AriHarness.Endpoint("+15550120"))));

        Assert.Contains("did not answer", error.Message);
        Assert.DoesNotContain("5550120", error.Message);
    }

    [Fact]
    public async Task PingAsync_CallerCancels_ThrowsOperationCanceledNotUnavailable()
    {
        await using var harness = await AriHarness.StartAsync(connectEvents: false);
        harness.Pbx.ResponseDelay = TimeSpan.FromSeconds(2);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Record.ExceptionAsync(() => harness.Client.PingAsync(cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task GetChannelAsync_AfterPbxRestart_ReturnsNullForCallThatWasUp()
    {
        await using var harness = await AriHarness.StartAsync();
        await harness.OriginateAsync("lost-1", "+15550121");
        await harness.Pbx.StopAsync();
        await harness.Pbx.StartAsync();

        var channel = await harness.Client.GetChannelAsync("lost-1");

        Assert.Null(channel);
    }
}
