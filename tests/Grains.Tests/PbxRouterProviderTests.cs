using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Tests.Infrastructure;

namespace CallPing.Grains.Tests;

/// <summary>A retry prefers a trunk provider the call has not tried yet: pbx-1 and pbx-2 share provider "a".</summary>
public sealed class PbxRouterProviderTests() : SiloTest(new TestPbxFleet(
    new PbxDescriptor("pbx-1", "a"),
    new PbxDescriptor("pbx-2", "a"),
    new PbxDescriptor("pbx-3", "b"),
    new PbxDescriptor("pbx-4", "c"),
    new PbxDescriptor("pbx-5", "d")))
{
    [Fact]
    public async Task RouteAsync_RetryAfterPbx1_GoesToAPbxNotOnProviderA()
    {
        await Silo.BringUpFleetAsync(Fleet);
        var first = await Silo.Router.RouteAsync(new RouteRequest([]));

        var retries = new List<string?>();
        for (var i = 0; i < 9; i++)
        {
            retries.Add((await Silo.Router.RouteAsync(new RouteRequest(["pbx-1"]))).PbxId);
        }

        Assert.Equal("pbx-1", first.PbxId);
        Assert.Equal(["pbx-3", "pbx-4", "pbx-5"], retries.Distinct().Order());
    }

    [Fact]
    public async Task RouteAsync_EveryOtherProviderTried_FallsBackToTheTriedProvidersOtherPbx()
    {
        await Silo.BringUpFleetAsync(Fleet);

        var route = await Silo.Router.RouteAsync(new RouteRequest(["pbx-1", "pbx-3", "pbx-4", "pbx-5"]));

        Assert.Equal("pbx-2", route.PbxId);
        Assert.Equal("a", route.Provider);
    }

    [Fact]
    public async Task RouteAsync_UntriedProviderOnlyDegraded_PrefersHealthyPbxOfTriedProvider()
    {
        await Silo.BringUpFleetAsync(Fleet);
        foreach (var pbxId in new[] { "pbx-3", "pbx-4", "pbx-5" })
        {
            for (var i = 0; i < 3; i++)
            {
                await Silo.TrunkFailureAsync(pbxId);
            }
        }

        var route = await Silo.Router.RouteAsync(new RouteRequest(["pbx-1"]));

        Assert.Equal("pbx-2", route.PbxId);
    }
}
