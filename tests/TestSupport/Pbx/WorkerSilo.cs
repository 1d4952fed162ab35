using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CallPing.Silo.Hosting;
using CallPing.WebFrontend.Hosting;

namespace CallPing.TestSupport.Pbx;

/// <summary>An in-process Orleans silo with the product's grains and worker role (no web endpoints), on a SQLite store of its own.</summary>
public sealed class WorkerSilo : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly TempFolder _data;

    private WorkerSilo(WebApplication host, TempFolder data)
    {
        _host = host;
        _data = data;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<WorkerSilo> StartAsync(Dictionary<string, string?> settings)
    {
        var data = new TempFolder();
        var builder = CallPingHost.CreateBuilder([], defaultRoles: "worker");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Storage:DataFolder"] = data.Path,
            ["Silo:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Simulated phones when a test gives no Pbx:Fleet: asked for explicitly, as this host is not in Development.
            ["Pbx:Simulate"] = "true",
            ["Pbx:HealthCheckInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCallPingSilo();
        builder.AddWorkerRole();
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerSilo(host, data);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
