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
        builder.Services.AddSingleton<WaitForWorkerSilo>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WaitForWorkerSilo>());
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (silo.ClusterId, silo.ServiceId));
            client.UseCallPingClustering(storage);
            client.Services.AddSingleton<IClientConnectionRetryFilter>(sp => sp.GetRequiredService<WaitForWorkerSilo>());
            client.AddActivityPropagation();
            client.AddDashboard(AdminDashboard.Configure);
        });
        // The client's start waits for a worker silo; started one after another, the HTTP server would wait behind it
        // and the probes would not answer at all. Started together, /healthz answers and /readyz says why it is not ready.
        builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        return builder;
    }
}
