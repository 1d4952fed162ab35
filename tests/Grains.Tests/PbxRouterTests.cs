using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Tests.Infrastructure;

namespace CallPing.Grains.Tests;

/// <summary>Which PBX a call try goes to, over five PBXes each behind its own trunk provider.</summary>
public sealed class PbxRouterTests() : SiloTest(TestPbxFleet.OnePerProvider(5))
{
    private static readonly RouteRequest FirstTry = new([]);

    [Fact]
    public async Task RouteAsync_ThousandRoutesOverFiveHealthy_EachGetsExactlyTwoHundred()
    {
        await Silo.BringUpFleetAsync(Fleet);

        var routes = new List<string?>();
        for (var i = 0; i < 1000; i++)
        {
            routes.Add((await Silo.Router.RouteAsync(FirstTry)).PbxId);
        }

        var counts = routes.GroupBy(id => id).ToDictionary(g => g.Key ?? "(none)", g => g.Count());
        Assert.Equal(["pbx-1", "pbx-2", "pbx-3", "pbx-4", "pbx-5"], counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.Equal(200, count));
    }

    [Fact]
    public async Task RouteAsync_TriedPbxes_AreNeverChosen()
    {
        await Silo.BringUpFleetAsync(Fleet);
        var retry = new RouteRequest(["pbx-2", "pbx-4"]);

        var chosen = new List<string?>();
        for (var i = 0; i < 30; i++)
        {
            chosen.Add((await Silo.Router.RouteAsync(retry)).PbxId);
        }

        Assert.Equal(["pbx-1", "pbx-3", "pbx-5"], chosen.Distinct().Order());
    }

    [Fact]
    public async Task RouteAsync_DownPbxes_AreNeverChosen()
    {
        await Silo.BringUpFleetAsync(Fleet);
        await Silo.FailedPingAsync("pbx-2");
        await Silo.DisconnectAsync("pbx-5");

        var chosen = new List<string?>();
        for (var i = 0; i < 30; i++)
        {
            chosen.Add((await Silo.Router.RouteAsync(FirstTry)).PbxId);
        }

        Assert.Equal(["pbx-1", "pbx-3", "pbx-4"], chosen.Distinct().Order());
        Assert.All(chosen.GroupBy(id => id), routed => Assert.Equal(10, routed.Count()));
    }

    [Fact]
    public async Task RouteAsync_DegradedPbx_IsUsedOnlyWhenNoHealthyOneIsLeft()
    {
        await Silo.BringUpFleetAsync(Fleet);
        for (var i = 0; i < 3; i++)
        {
            await Silo.TrunkFailureAsync("pbx-3");
        }

        var whileHealthyLeft = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            whileHealthyLeft.Add((await Silo.Router.RouteAsync(FirstTry)).PbxId);
        }

        var lastResort = await Silo.Router.RouteAsync(new RouteRequest(["pbx-1", "pbx-2", "pbx-4", "pbx-5"]));
        Assert.DoesNotContain("pbx-3", whileHealthyLeft);
        Assert.Equal("pbx-3", lastResort.PbxId);
        Assert.Equal("p3", lastResort.Provider);
    }

    [Fact]
    public async Task RouteAsync_AllDown_RefusesSayingAllAreDown()
    {
        await Silo.BringUpFleetAsync(Fleet);
        foreach (var pbx in Fleet.All)
        {
            await Silo.FailedPingAsync(pbx.PbxId);
        }

        var route = await Silo.Router.RouteAsync(FirstTry);

        Assert.False(route.Found);
        Assert.Null(route.Provider);
        Assert.Equal("no PBX available: all 5 PBXes are down", route.Refusal);
    }

    [Fact]
    public async Task RouteAsync_RestTriedOrDown_RefusalNamesWhatWasExcluded()
    {
        await Silo.BringUpFleetAsync(Fleet);
        await Silo.FailedPingAsync("pbx-3");
        await Silo.DisconnectAsync("pbx-4");
        await Silo.FailedPingAsync("pbx-5");

        var route = await Silo.Router.RouteAsync(new RouteRequest(["pbx-1", "pbx-2"]));

        Assert.False(route.Found);
        Assert.Equal("no PBX available: pbx-1, pbx-2 already tried; pbx-3, pbx-4, pbx-5 down", route.Refusal);
    }

    [Fact]
    public async Task RouteAsync_PbxGoesDown_IsNoLongerRoutedOnceTheCacheWindowPassed()
    {
        await Silo.BringUpFleetAsync(Fleet);
        await Silo.Router.RouteAsync(FirstTry);
        await Silo.FailedPingAsync("pbx-2");

        Silo.Time.Advance(TimeSpan.FromMilliseconds(250));
        var chosen = new List<string?>();
        for (var i = 0; i < 10; i++)
        {
            chosen.Add((await Silo.Router.RouteAsync(FirstTry)).PbxId);
        }

        Assert.DoesNotContain("pbx-2", chosen);
        Assert.Equal(["pbx-1", "pbx-3", "pbx-4", "pbx-5"], chosen.Distinct().Order());
    }

    [Fact]
    public async Task RouteAsync_NullTriedList_ThrowsArgumentException()
    {
        await Silo.BringUpFleetAsync(Fleet);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Silo.Router.RouteAsync(new RouteRequest(null!)));

        Assert.Contains("TriedPbxIds", error.Message);
    }
}
