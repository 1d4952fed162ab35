using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Pbx.Fleet;
using CallPing.Grains.Projects;
using CallPing.Silo.Storage;
using CallPing.WebFrontend.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CallPing.Grains.Tests.Infrastructure;

/// <summary>
/// One Orleans silo in this process (TestingHost) running the product's grains on the product's SQLite storage in a
/// given folder. Grains (and their timers) read the fake clock; Orleans' own loops and the reminder service run in real time.
/// Starting again on the same folder and service id finds what the previous silo stored, as after a restart.
/// </summary>
public sealed class GrainSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private GrainSilo(InProcessTestCluster cluster, FakeTimeProvider time, string dataFolder)
    {
        _cluster = cluster;
        Time = time;
        DataFolder = dataFolder;
    }

    public static DateTimeOffset Epoch { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public string DataFolder { get; }

    public InProcessTestCluster Cluster => _cluster;

    public IGrainFactory Grains => SiloServices.GetRequiredService<IGrainFactory>();

    /// <summary>A phone number's limit grain, found by the silo's own <see cref="NumberKeys"/>, as its grains find it.</summary>
    public Task<INumberGrain> NumberGrainAsync(string number) => SiloServices.GetRequiredService<NumberKeys>().GrainOfAsync(number);

    public IServiceProvider SiloServices => _cluster.GetSiloServiceProvider();

    public IPbxGrain Pbx(string pbxId) => Grains.GetGrain<IPbxGrain>(pbxId);

    public IPbxRouterGrain Router => Grains.GetGrain<IPbxRouterGrain>(IPbxRouterGrain.Key);

    /// <summary>The PBX endpoints the silo may connect to; publish a simulated PBX's here.</summary>
    public PbxEndpoints Endpoints => SiloServices.GetRequiredService<PbxEndpoints>();

    /// <summary>Starts a one-silo cluster on the SQLite store in <paramref name="dataFolder"/>.</summary>
    /// <param name="dataFolder">Where the SQLite file lives.</param>
    /// <param name="serviceId">Orleans' service id, which keys every stored row: the same one after a restart.</param>
    /// <param name="fleet">The PBX fleet the router sees.</param>
    /// <param name="time">The grains' clock; a new one at <see cref="Epoch"/> when null.</param>
    /// <param name="configure">More silo configuration (call filters).</param>
    public static async Task<GrainSilo> StartAsync(string dataFolder, string serviceId, IPbxFleet fleet, FakeTimeProvider? time = null, Action<ISiloBuilder>? configure = null)
    {
        time ??= new FakeTimeProvider(Epoch);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        // Tests call grains through the silo's own grain factory, as the old in-process silo did: a separate client
        // host would only add start-up time to every silo a test starts.
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Pings while a simulated PBX proves itself are fast anyway; later ones need not be.
                ["Pbx:HealthCheckInterval"] = "00:00:01",
            });
            host.AddCallPingGrains();
            host.Services.AddSingleton(fleet);
            host.Services.AddSingleton<PbxEndpoints>();
            host.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, time);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCallPingStorage(new StorageOptions { Provider = StorageProvider.Sqlite, DataFolder = dataFolder });
            configure?.Invoke(silo);
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

        return new GrainSilo(cluster, time, dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
