using CallPing.Silo.Storage;
using CallPing.WebFrontend.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CallPing.Silo.Tests.Storage;

/// <summary>
/// A one-silo Orleans test cluster whose grain storage and reminders are CallPing's, on the given store. The test
/// cluster keeps its own in-memory membership (it replaces the clustering that AddCallPingStorage adds), so
/// ADO.NET clustering is checked by a real silo host in the PostgreSQL tests.
/// </summary>
public sealed class StorageCluster : IAsyncDisposable
{
    /// <summary>The shortest reminder period the test silos accept; production keeps Orleans' one minute.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(1);

    private readonly InProcessTestCluster _cluster;

    private StorageCluster(InProcessTestCluster cluster) => _cluster = cluster;

    public IClusterClient Client => _cluster.Client;

    public IServiceProvider Services => _cluster.GetSiloServiceProvider();

    /// <summary>The "callping" grain storage provider, for writing beside a grain as a second activation would.</summary>
    public IGrainStorage GrainStorage => Services.GetRequiredKeyedService<IGrainStorage>(CallPing.Grains.GrainStorage.Name);

    /// <summary>Starts a silo on <paramref name="storage"/>; silos started with the same service id share the data.</summary>
    public static async Task<StorageCluster> StartAsync(StorageOptions storage, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCallPingStorage(storage);
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = ReminderPeriod);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new StorageCluster(cluster);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
