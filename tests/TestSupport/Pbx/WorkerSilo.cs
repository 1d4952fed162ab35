using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CallPing.Silo.Hosting;
using CallPing.WebFrontend.Hosting;

namespace CallPing.TestSupport.Pbx;

/// <summary>
/// An in-process Orleans silo with the product's grains and worker role, on a SQLite store of its own; the web role's
/// endpoints too when the settings give Silo:Roles = "web,worker".
/// </summary>
public sealed class WorkerSilo : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly TempFolder _data;

    private WorkerSilo(WebApplication host, TempFolder data, Uri baseAddress)
    {
        _host = host;
        _data = data;
        BaseAddress = baseAddress;
    }

    /// <summary>Its HTTP address: health and metrics, and the web role's endpoints when Silo:Roles includes web.</summary>
    public Uri BaseAddress { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Starts the silo; <paramref name="services"/> adds to its services (a test's telemetry exporter, say).</summary>
    public static async Task<WorkerSilo> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var data = new TempFolder();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = CallPingHost.CreateBuilder([], defaultRoles: "worker");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = baseAddress.ToString(),
            ["Storage:DataFolder"] = data.Path,
            ["Silo:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Simulated phones when a test gives no Pbx:Fleet: asked for explicitly, as this host is not in Development.
            ["Pbx:Simulate"] = "true",
            ["Pbx:HealthCheckInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings.GetValueOrDefault("Silo:Roles")?.Contains("web", StringComparison.Ordinal) == true)
        {
            // With the web role it serves the spoken prompts itself: the simulated PBXes fetch them from here.
            builder.Configuration.AddInMemoryCollection([new("Pbx:MediaBaseUrl", baseAddress.ToString())]);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCallPingSilo();
        builder.AddWorkerRole();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        host.MapCallPing();
        await host.StartAsync();
        return new WorkerSilo(host, data, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
