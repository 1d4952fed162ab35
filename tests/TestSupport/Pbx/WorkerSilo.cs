using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CallPing.Grains;
using CallPing.Runtime;
using CallPing.Runtime.Hosting;
using CallPing.Silo.Hosting;


namespace CallPing.TestSupport.Pbx;

/// <summary>An in-process silo with the product's grains and worker role, on a SQLite store of its own.</summary>
public sealed class WorkerSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempFolder _data;

    private WorkerSilo(IHost host, TempFolder data)
    {
        _host = host;
        _data = data;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<WorkerSilo> StartAsync(Dictionary<string, string?> settings)
    {
        var data = new TempFolder();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = data.Path,
            // Simulated phones when a test gives no Pbx:Fleet: asked for explicitly, as this host is not in Development.
            ["Pbx:Simulate"] = "true",
            ["Pbx:HealthCheckInterval"] = "00:00:00.200",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Reminders:PollInterval"] = "00:00:00.200",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGrainRuntime(GrainsAssembly.Assembly);
        builder.AddCallPingGrains();
        builder.AddWorkerRole();
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerSilo(host, data);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _data.Dispose();
    }
}
