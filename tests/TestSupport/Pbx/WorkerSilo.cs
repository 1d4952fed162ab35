using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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

    private WorkerSilo(WebApplication host, TempFolder data, Uri baseAddress, Uri? httpsAddress)
    {
        _host = host;
        _data = data;
        BaseAddress = baseAddress;
        HttpsAddress = httpsAddress;
    }

    /// <summary>Its HTTP address: health and metrics, and the web role's endpoints when Silo:Roles includes web.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Its HTTPS address when started with a certificate (a browser's, whose cookies are Secure); null otherwise.</summary>
    public Uri? HttpsAddress { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the silo; <paramref name="services"/> adds to its services (a test's telemetry exporter, say). With
    /// <paramref name="https"/> it also serves HTTPS with that certificate on that port, <see cref="HttpsAddress"/>.
    /// </summary>
    public static async Task<WorkerSilo> StartAsync(
        Dictionary<string, string?> settings, Action<IServiceCollection>? services = null, (X509Certificate2 Certificate, int Port)? https = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = new TempFolder();
        var httpPort = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}");
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
        if (https is var (certificate, httpsPort))
        {
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, httpPort);
                kestrel.Listen(IPAddress.Loopback, httpsPort, listen => listen.UseHttps(certificate));
            });
        }

        builder.AddCallPingSilo();
        builder.AddWorkerRole();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        host.MapCallPing();
        await host.StartAsync();
        return new WorkerSilo(host, data, baseAddress, https is { Port: var port } ? new Uri($"https://127.0.0.1:{port}") : null);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
