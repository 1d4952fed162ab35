using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Audit;

/// <summary>The daily sweep deletes audit rows older than 90 days, and runs once a day however often it is asked.</summary>
public sealed class AuditRetentionTests
{
    [Fact]
    public async Task Sweep_RowsOf91And89Days_91Gone89Remain()
    {
        using var data = new TempFolder();
        await using var silo = await GrainSilo.StartAsync(data.Path, $"retention-{Guid.NewGuid():N}", TestPbxFleet.OnePerProvider(1));
        var orgId = Guid.NewGuid().ToString("N");
        var log = silo.Grains.GetGrain<IAuditLogGrain>(orgId);
        var now = silo.Time.GetUtcNow();
        await log.AppendAsync([Entry("old", orgId, now - TimeSpan.FromDays(91)), Entry("recent", orgId, now - TimeSpan.FromDays(89))]);
        var retention = silo.Grains.GetGrain<IAuditRetentionGrain>(IAuditRetentionGrain.Key);

        var swept = await retention.SweepAsync();
        var rows = (await log.GetPageAsync(null, 10)).Rows;

        Assert.True(swept);
        Assert.Equal([now - TimeSpan.FromDays(89)], rows.Select(r => r.At));
    }

    [Fact]
    public async Task Sweep_AskedTwiceADay_SweepsOnceThenAgainTheNextDay()
    {
        using var data = new TempFolder();
        await using var silo = await GrainSilo.StartAsync(data.Path, $"retention-{Guid.NewGuid():N}", TestPbxFleet.OnePerProvider(1));
        var orgId = Guid.NewGuid().ToString("N");
        var log = silo.Grains.GetGrain<IAuditLogGrain>(orgId);
        var retention = silo.Grains.GetGrain<IAuditRetentionGrain>(IAuditRetentionGrain.Key);
        await log.AppendAsync([Entry("first", orgId, silo.Time.GetUtcNow())]);

        var first = await retention.SweepAsync();
        var second = await retention.SweepAsync();
        silo.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await retention.SweepAsync();

        Assert.Equal((true, false, true), (first, second, nextDay));
        Assert.Equal(2, await retention.GetSweepCountAsync());
    }

    private static AuditEntry Entry(string id, string orgId, DateTimeOffset at) =>
        new(id, orgId, at, "0123456789abcdef0123456789abcdef", AuditActions.ProjectCreate, "p1", "192.0.2.1", "Web");
}
