using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using CallPing.Silo.Storage;
using CallPing.TestSupport;
using CallPing.WebFrontend.Hosting;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>
/// Reminders on three in-process silos sharing one PostgreSQL database through the product's storage
/// (AddCallPingStorage: grain state and reminders on ADO.NET; membership stays the test cluster's own, which the
/// TestingHost always installs). The product has no endpoint for reminders, so a test grain holds them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReminderClusterTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Count = 200;
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ThreeSilos_200RemindersDueWithinOneSecond_EachFiresOnce()
    {
        var storage = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = await postgres.CreateDatabaseAsync() };
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.InitializeClientOnDeploy = false;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCallPingStorage(storage);
            silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = TimeSpan.FromSeconds(2));
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var grains = cluster.Silos[0].SiloHost.Services.GetRequiredService<IGrainFactory>();
        var probes = Enumerable.Range(0, Count).Select(i => grains.GetGrain<IReminderProbeGrain>($"probe-{i}")).ToList();

        var firstDue = DateTimeOffset.UtcNow + Lead;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(probes.Select((p, i) => p.ScheduleAsync(firstDue + TimeSpan.FromMilliseconds(i * 1000.0 / Count))));
        var scheduling = clock.Elapsed;
        var reports = await Eventually.ReachesAsync(() => Task.WhenAll(probes.Select(p => p.GetReportAsync())),
            r => r.All(p => p.Fired > 0), Lead + TimeSpan.FromSeconds(60), "reminders fired");

        var delays = reports.Select(r => r.FirstDelay!.Value.TotalMilliseconds).Order().ToList();
        output.WriteLine($"{Count} reminders due within 1 s on 3 silos (scheduled in {scheduling.TotalSeconds:0.0} s): delay after due " +
            $"p50 {delays[Count / 2]:0} ms, p99 {delays[Count * 99 / 100]:0} ms, max {delays[^1]:0} ms; fired {reports.Sum(r => r.Fired)} times");
        Assert.True(scheduling < Lead, $"scheduling took {scheduling}, longer than the lead of {Lead}");
        Assert.All(reports, r => Assert.Equal(1, r.Fired));
        Assert.True(delays[Count / 2] < 1000, $"median delay {delays[Count / 2]:0} ms");
    }
}
