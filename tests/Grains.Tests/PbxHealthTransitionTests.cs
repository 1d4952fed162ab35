using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Tests.Infrastructure;

namespace CallPing.Grains.Tests;

/// <summary>How a PBX moves between healthy, degraded and down as its driver reports pings, the socket and calls.</summary>
public sealed class PbxHealthTransitionTests() : SiloTest(TestPbxFleet.OnePerProvider(1))
{
    [Fact]
    public async Task RecordPingAsync_FailedPingOnHealthyPbx_IsDownSinceThePing()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        Silo.Time.Advance(TimeSpan.FromMinutes(5));
        var failedAt = Silo.Time.GetUtcNow();

        await Silo.FailedPingAsync("pbx-1", "connection refused");

        var health = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal(PbxStatus.Down, health.Status);
        Assert.Equal(failedAt, health.StatusSince);
        Assert.Equal(1, health.ConsecutivePingFailures);
        Assert.Equal(0, health.ConsecutiveGoodPings);
        Assert.Contains("ping failed: connection refused", Assert.Single(health.LastErrors));
    }

    [Fact]
    public async Task RecordConnectionAsync_SocketDropsOnHealthyPbx_IsDownAndDisconnected()
    {
        await Silo.BringUpAsync("pbx-1", "p1");

        await Silo.DisconnectAsync("pbx-1", "websocket closed by peer");

        var health = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal(PbxStatus.Down, health.Status);
        Assert.False(health.Connected);
        Assert.Equal(PbxSteps.Driver, health.DrivenBy);
        Assert.Contains("event socket disconnected (silo-a): websocket closed by peer", Assert.Single(health.LastErrors));
    }

    [Fact]
    public async Task RecordPingAsync_TwoGoodPingsWhileConnected_IsHealthyOnlyAfterTheSecond()
    {
        await Silo.Pbx("pbx-1").ConfigureAsync(new PbxConfiguration("p1"));
        await Silo.ConnectAsync("pbx-1");

        await Silo.GoodPingAsync("pbx-1");
        var afterOne = await Silo.StatusAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");

        var health = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal(PbxStatus.Down, afterOne);
        Assert.Equal(PbxStatus.Healthy, health.Status);
        Assert.True(health.Connected);
        Assert.Equal("p1", health.Provider);
        Assert.Equal(2, health.ConsecutiveGoodPings);
    }

    [Fact]
    public async Task RecordPingAsync_GoodPingsWithoutSocket_StaysDown()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        await Silo.DisconnectAsync("pbx-1");

        await Silo.GoodPingAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");

        Assert.Equal(PbxStatus.Down, await Silo.StatusAsync("pbx-1"));
    }

    [Fact]
    public async Task RecordPingAsync_ReconnectedAfterDrop_NeedsTwoFreshGoodPings()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        await Silo.DisconnectAsync("pbx-1");
        await Silo.ConnectAsync("pbx-1");

        await Silo.GoodPingAsync("pbx-1");
        var afterOne = await Silo.StatusAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");

        Assert.Equal(PbxStatus.Down, afterOne);
        Assert.Equal(PbxStatus.Healthy, await Silo.StatusAsync("pbx-1"));
    }

    [Fact]
    public async Task RecordCallOutcomeAsync_ThreeTrunkFailuresInARow_IsDegradedAfterTheThird()
    {
        await Silo.BringUpAsync("pbx-1", "p1");

        await Silo.TrunkFailureAsync("pbx-1");
        await Silo.TrunkFailureAsync("pbx-1");
        var afterTwo = await Silo.StatusAsync("pbx-1");
        await Silo.TrunkFailureAsync("pbx-1", cause: 34);

        var health = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal(PbxStatus.Healthy, afterTwo);
        Assert.Equal(PbxStatus.Degraded, health.Status);
        Assert.Equal(3, health.ConsecutiveTrunkFailures);
        Assert.Equal(3, health.TrunkFailures);
        Assert.Equal(3, health.CallsPlaced);
        Assert.Contains("trunk failure, cause 34: network out of order", health.LastErrors[^1]);
    }

    [Fact]
    public async Task RecordCallOutcomeAsync_AnsweredCallBetweenTrunkFailures_ResetsTheStreakAndStaysHealthy()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        await Silo.TrunkFailureAsync("pbx-1");
        await Silo.TrunkFailureAsync("pbx-1");

        await Silo.CallEndedAsync("pbx-1", CallOutcome.Answered);
        await Silo.TrunkFailureAsync("pbx-1");
        await Silo.TrunkFailureAsync("pbx-1");

        var health = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal(PbxStatus.Healthy, health.Status);
        Assert.Equal(2, health.ConsecutiveTrunkFailures);
        Assert.Equal(4, health.TrunkFailures);
        Assert.Equal(5, health.CallsPlaced);
    }

    [Fact]
    public async Task RecordPingAsync_ThreeGoodPingsOnDegradedPbx_IsHealthyOnlyAfterTheThird()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        for (var i = 0; i < 3; i++)
        {
            await Silo.TrunkFailureAsync("pbx-1");
        }

        await Silo.GoodPingAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");
        var afterTwo = await Silo.StatusAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");

        var health = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal(PbxStatus.Degraded, afterTwo);
        Assert.Equal(PbxStatus.Healthy, health.Status);
        Assert.Equal(0, health.ConsecutiveTrunkFailures);
    }

    [Fact]
    public async Task RecordPingAsync_DegradedPbxWentDownAndCameBack_IsDegradedAgain()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        for (var i = 0; i < 3; i++)
        {
            await Silo.TrunkFailureAsync("pbx-1");
        }

        await Silo.FailedPingAsync("pbx-1");
        var whileDown = await Silo.StatusAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");
        await Silo.GoodPingAsync("pbx-1");

        Assert.Equal(PbxStatus.Down, whileDown);
        Assert.Equal(PbxStatus.Degraded, await Silo.StatusAsync("pbx-1"));
    }
}
