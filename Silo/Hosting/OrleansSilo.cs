using CallPing.Grains.Pbx.Fleet;
using CallPing.Silo.Storage;
using CallPing.WebFrontend.Admin;
using CallPing.WebFrontend.Hosting;
using Orleans.Dashboard;
using ClusterMembershipOptions = Orleans.Configuration.ClusterMembershipOptions;
using ClusterOptions = Orleans.Configuration.ClusterOptions;

namespace CallPing.Silo.Hosting;

/// <summary>This process as an Orleans silo: cluster identity, endpoints, storage, and membership tuned to notice a dead silo in seconds.</summary>
public static class OrleansSilo
{
    public static WebApplicationBuilder AddCallPingSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        // Every silo may host any PBX grain, and so needs every PBX's endpoint, whatever its roles.
        builder.Services.AddSingleton<PbxEndpoints>();
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (silo.ClusterId, silo.ServiceId));
            // A single node listens on loopback only; a cluster's silos on every address, advertising the one others reach.
            orleans.ConfigureEndpoints(silo.AdvertisedIp, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: storage.Provider == StorageProvider.Postgres);
            orleans.AddCallPingStorage(storage);
            orleans.Configure<ClusterMembershipOptions>(options =>
            {
                // Orleans' defaults take about a minute to declare a hung silo dead, and its PBX connections with it.
                options.ProbeTimeout = TimeSpan.FromSeconds(2);
                options.MaxProbeTimeout = TimeSpan.FromSeconds(4);
                options.NumMissedProbesLimit = 3;
                options.NumVotesForDeathDeclaration = 2;
            });
            orleans.AddActivityPropagation();
            // On every silo, whatever its roles: the dashboard's grains gather each silo's figures for the web processes.
            orleans.AddDashboard(AdminDashboard.Configure);
        });
        return builder;
    }
}
