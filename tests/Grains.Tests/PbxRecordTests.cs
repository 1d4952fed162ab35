using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Tests.Infrastructure;

namespace CallPing.Grains.Tests;

/// <summary>What a PBX keeps for the admin view: provider, driver, counters, last errors; and that it lasts.</summary>
public sealed class PbxRecordTests() : SiloTest(TestPbxFleet.OnePerProvider(1))
{
    [Fact]
    public async Task GetHealthAsync_PbxNeverHeardOf_IsDownWithoutProviderOrDriver()
    {
        var health = await Silo.Pbx("pbx-unknown").GetHealthAsync();

        Assert.Equal("pbx-unknown", health.PbxId);
        Assert.Equal(PbxStatus.Down, health.Status);
        Assert.Equal("", health.Provider);
        Assert.Null(health.DrivenBy);
        Assert.False(health.Connected);
        Assert.Empty(health.LastErrors);
    }

    [Fact]
    public async Task LastErrors_SixErrors_KeepsTheLatestFiveOldestFirstWithTheirTimes()
    {
        await Silo.BringUpAsync("pbx-1", "p1");

        for (var i = 1; i <= 6; i++)
        {
            Silo.Time.Advance(TimeSpan.FromSeconds(10));
            await Silo.FailedPingAsync("pbx-1", $"timeout #{i}");
        }

        var errors = (await Silo.Pbx("pbx-1").GetHealthAsync()).LastErrors;
        Assert.Equal(
            [
                "2025-03-01 12:00:20.000Z ping failed: timeout #2",
                "2025-03-01 12:00:30.000Z ping failed: timeout #3",
                "2025-03-01 12:00:40.000Z ping failed: timeout #4",
                "2025-03-01 12:00:50.000Z ping failed: timeout #5",
                "2025-03-01 12:01:00.000Z ping failed: timeout #6",
            ],
            errors);
    }

    [Fact]
    public async Task Health_SiloRestarts_StateSurvives()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        await Silo.CallEndedAsync("pbx-1", CallOutcome.Answered);
        await Silo.TrunkFailureAsync("pbx-1");
        await Silo.FailedPingAsync("pbx-1", "no route to host");
        var before = await Silo.Pbx("pbx-1").GetHealthAsync();

        await RestartSiloAsync();

        var after = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal(PbxStatus.Down, after.Status);
        Assert.Equal("p1", after.Provider);
        Assert.Equal(PbxSteps.Driver, after.DrivenBy);
        Assert.Equal(2, after.CallsPlaced);
        Assert.Equal(1, after.TrunkFailures);
        Assert.Equal(1, after.ConsecutiveTrunkFailures);
        Assert.Equal(1, after.ConsecutivePingFailures);
        Assert.Equal(before.StatusSince, after.StatusSince);
        Assert.Equal(before.LastPingAt, after.LastPingAt);
        Assert.Equal(before.LastErrors, after.LastErrors);
    }

    [Fact]
    public async Task ConfigureAsync_NewProvider_IsReportedWhileStatusStays()
    {
        await Silo.BringUpAsync("pbx-1", "p1");

        await Silo.Pbx("pbx-1").ConfigureAsync(new PbxConfiguration("p9"));

        var health = await Silo.Pbx("pbx-1").GetHealthAsync();
        Assert.Equal("p9", health.Provider);
        Assert.Equal(PbxStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task ConfigureAsync_BlankProvider_ThrowsAndKeepsTheOldOne()
    {
        await Silo.BringUpAsync("pbx-1", "p1");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Silo.Pbx("pbx-1").ConfigureAsync(new PbxConfiguration(" ")));

        Assert.Equal("p1", (await Silo.Pbx("pbx-1").GetHealthAsync()).Provider);
    }

    [Fact]
    public async Task RecordConnectionAsync_NoDriverSilo_ThrowsAndStaysHealthy()
    {
        await Silo.BringUpAsync("pbx-1", "p1");
        var drop = new PbxConnection(Silo.Time.GetUtcNow(), false, "", "closed");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Silo.Pbx("pbx-1").RecordConnectionAsync(drop));

        Assert.Equal(PbxStatus.Healthy, await Silo.StatusAsync("pbx-1"));
    }

    [Fact]
    public async Task RecordCallOutcomeAsync_UnknownOutcome_ThrowsAndCountsNothing()
    {
        await Silo.BringUpAsync("pbx-1", "p1");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Silo.CallEndedAsync("pbx-1", (CallOutcome)42));

        Assert.Equal(0, (await Silo.Pbx("pbx-1").GetHealthAsync()).CallsPlaced);
    }
}
