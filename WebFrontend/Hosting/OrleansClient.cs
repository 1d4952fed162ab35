using CallPing.WebFrontend.Admin;
using Orleans.Dashboard;

namespace CallPing.WebFrontend.Hosting;

/// <summary>The web-only process as an Orleans client of the cluster's silos, which it finds in the cluster store.</summary>
public static class OrleansClient
{
    public static WebApplicationBuilder AddCallPingClient(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (silo.ClusterId, silo.ServiceId));
            client.UseCallPingClustering(storage);
            client.AddActivityPropagation();
            client.AddDashboard(AdminDashboard.Configure);
        });
        return builder;
    }
}
