using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.TestSupport;
using Xunit.Abstractions;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>
/// A project's alert index lists every alert that was stored: after a report lost to a crash, and through a storm.
/// The projects here have no contacts, so each alert is exhausted at once and reports that.
/// </summary>
public sealed class AlertIndexTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Report_LostThenSiloRestarts_AlertListedOnceActivatedAgain()
    {
        using var data = new TempFolder();
        var serviceId = $"index-{Guid.NewGuid():N}";
        var projectId = $"p{Guid.NewGuid():N}";
        string alertId;
        await using (var silo = await StartAsync(data.Path, serviceId))
        {
            await silo.Grains.GetGrain<IProjectGrain>(projectId).CreateInOrgAsync("org-1", "Crash");
            var breaker = silo.SiloServices.GetRequiredService<IndexPutBreaker>();
            breaker.Armed = true;

            alertId = await RaiseAsync(silo, projectId, "Disk full");
            await Eventually.ReachesAsync(() => Task.FromResult(breaker.Refused), n => n > 0, TimeSpan.FromSeconds(10), "the report refused");

            Assert.Empty((await silo.Grains.GetGrain<IAlertIndexGrain>(projectId).GetPageAsync(null, 1)).Alerts);
        }

        await using var restarted = await StartAsync(data.Path, serviceId);
        var index = restarted.Grains.GetGrain<IAlertIndexGrain>(projectId);
        var unlisted = await index.GetPageAsync(null, 1);
        await restarted.Grains.GetGrain<IAlertGrain>(alertId).GetAsync();
        var listed = await Eventually.ReachesAsync(() => index.GetPageAsync(null, 1), p => p.Alerts.Count > 0, TimeSpan.FromSeconds(10), "the alert listed");

        Assert.Empty(unlisted.Alerts);
        var listing = Assert.Single(listed.Alerts);
        Assert.Equal((alertId, AlertStatus.Exhausted, "Disk full"), (listing.AlertId, listing.Status, listing.Summary));
    }

    [Fact]
    public async Task Storm_1000AlertsOfOneProject_AllListedWithinSeconds()
    {
        using var data = new TempFolder();
        await using var silo = await StartAsync(data.Path, $"index-{Guid.NewGuid():N}");
        var projectId = $"p{Guid.NewGuid():N}";
        await silo.Grains.GetGrain<IProjectGrain>(projectId).CreateInOrgAsync("org-1", "Storm");
        var index = silo.Grains.GetGrain<IAlertIndexGrain>(projectId);
        var clock = Stopwatch.StartNew();

        // 100 at a time, as intake's callers would be, so that no one request waits past Orleans' 30 s response timeout on SQLite's one writer.
        var alertIds = new List<string>();
        foreach (var wave in Enumerable.Range(0, 1000).Chunk(100))
        {
            alertIds.AddRange(await Task.WhenAll(wave.Select(i => RaiseAsync(silo, projectId, $"Host {i} down"))));
        }

        var accepted = clock.Elapsed;
        await Eventually.ReachesAsync(async () => (await PagesAsync(index, AlertStatus.Exhausted)).Count, n => n == 1000, TimeSpan.FromSeconds(60), "1,000 alerts listed");
        var listed = clock.Elapsed;
        var all = await PagesAsync(index, null);

        output.WriteLine($"1,000 alerts accepted in {accepted.TotalSeconds:0.00} s, all listed after {listed.TotalSeconds:0.00} s");
        Assert.Equal(alertIds.Order(StringComparer.Ordinal), all.Select(a => a.AlertId).Order(StringComparer.Ordinal));
        Assert.Equal(all.OrderByDescending(a => a.CreatedAt).Select(a => a.CreatedAt), all.Select(a => a.CreatedAt));
    }

    private static async Task<List<AlertListing>> PagesAsync(IAlertIndexGrain index, AlertStatus? status)
    {
        var all = new List<AlertListing>();
        for (int? page = 1; page is { } p; )
        {
            var answer = await index.GetPageAsync(status, p);
            all.AddRange(answer.Alerts);
            page = answer.NextPage;
        }

        return all;
    }

    private static async Task<string> RaiseAsync(GrainSilo silo, string projectId, string summary)
    {
        var dedupKey = Guid.NewGuid().ToString("N");
        var result = await silo.Grains.GetGrain<IDedupGrain>($"{projectId}/{dedupKey}").SubmitAsync(
            new AlertEvent(projectId, dedupKey, AlertAction.Trigger, summary, AlertSeverity.Critical, "db-1", null, "api"));
        return result.AlertId!;
    }

    private static Task<GrainSilo> StartAsync(string folder, string serviceId) =>
        GrainSilo.StartAsync(folder, serviceId, TestPbxFleet.OnePerProvider(1), configure: silo =>
        {
            silo.Services.AddSingleton<IndexPutBreaker>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<IndexPutBreaker>());
        });
}
