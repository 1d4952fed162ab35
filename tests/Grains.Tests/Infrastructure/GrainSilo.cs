using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Runtime;
using CallPing.Runtime.Hosting;

namespace CallPing.Grains.Tests.Infrastructure;

/// <summary>
/// A real silo in this process running the product's grains on a SQLite file in a given folder.
/// Grains read the fake clock; the runtime's own loops wait in real time.
/// </summary>
public sealed class GrainSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainSilo(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IPbxGrain Pbx(string pbxId) => Grains.GetGrain<IPbxGrain>(pbxId);

    public IPbxRouterGrain Router => Grains.GetGrain<IPbxRouterGrain>("test-silo");

    public static async Task<GrainSilo> StartAsync(string dataFolder, IPbxFleet? fleet = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GrainRuntime:CallTimeout"] = "00:00:10",
            ["Silo:HeartbeatInterval"] = "00:00:00.500",
            ["Silo:DeadAfter"] = "00:00:03",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataFolder"] = dataFolder,
        });
        builder.AddGrainRuntime(GrainsAssembly.Assembly);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IPbxFleet>(fleet ?? TestPbxFleet.OnePerProvider(5));
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new GrainSilo(host, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
