using System.Net;
using CallPing.Silo.Storage;
using CallPing.WebFrontend.Hosting;
using CallPing.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CallPing.Silo.Tests.Storage;

/// <summary>
/// A silo host configured as the Silo process configures it (its own ports, AddCallPingStorage with the real
/// clustering), unlike the test cluster, which brings its own membership.
/// </summary>
public static class RealSilo
{
    public static async Task<IHost> StartAsync(StorageOptions storage, string clusterId, string serviceId)
    {
        // No defaults: no appsettings file watchers (inotify instances are a shared, small budget on test machines).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId));
            silo.Configure<EndpointOptions>(options =>
            {
                options.AdvertisedIPAddress = IPAddress.Loopback;
                options.SiloPort = FreePort.Next();
                options.GatewayPort = FreePort.Next();
            });
            silo.AddCallPingStorage(storage);
        });
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

        return host;
    }
}
