using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.TestingHost;
using CallPing.Grains.Audit;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Silo.Storage;
using CallPing.TestSupport;
using CallPing.WebFrontend.Hosting;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>
/// The audit retention sweep on two silos sharing one PostgreSQL database: one reminder in the cluster, and one sweep a
/// day however many silos ask for it, moved along by the grains' fake clock.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditRetentionClusterTests(PostgresServer postgres)
{
    [Fact]
    public async Task TwoSilos_BothEnrolAndSweepTwiceADay_OneReminderAndOneSweepPerDay()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.InitializeClientOnDeploy = false;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, time));
        builder.ConfigureSilo((_, silo) => silo.AddCallPingStorage(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var fromEachSilo = cluster.Silos.Select(s => s.SiloHost.Services.GetRequiredService<IGrainFactory>().GetGrain<IAuditRetentionGrain>(IAuditRetentionGrain.Key)).ToList();
        var orgId = Guid.NewGuid().ToString("N");
        var log = cluster.Silos[1].SiloHost.Services.GetRequiredService<IGrainFactory>().GetGrain<IAuditLogGrain>(orgId);
        await log.AppendAsync([new AuditEntry("e1", orgId, time.GetUtcNow() - TimeSpan.FromDays(91), "u1", AuditActions.MemberLeave, "u1", "192.0.2.1")]);
        await Task.WhenAll(fromEachSilo.Select(g => g.EnrolAsync(orgId)));

        var today = await Task.WhenAll(fromEachSilo.Concat(fromEachSilo).Select(g => g.SweepAsync()));
        time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await Task.WhenAll(fromEachSilo.Concat(fromEachSilo).Select(g => g.SweepAsync()));

        Assert.Equal(1, await RemindersAsync(connectionString));
        Assert.Equal(1, today.Count(swept => swept));
        Assert.Equal(1, tomorrow.Count(swept => swept));
        Assert.Equal(2, await fromEachSilo[0].GetSweepCountAsync());
        Assert.Empty((await log.GetPageAsync(null, 10)).Rows);
    }

    private static async Task<long> RemindersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = '{AuditRetentionGrain.ReminderName}'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
