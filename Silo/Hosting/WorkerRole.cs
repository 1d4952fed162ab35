using CallPing.Silo.Pbx;

namespace CallPing.Silo.Hosting;

/// <summary>The worker role's modules: the PBX endpoints this silo can connect to, and the keeper that nudges the fleet's PBX grains.</summary>
public static class WorkerRole
{
    public static IHostApplicationBuilder AddWorkerRole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // The simulated fleet must listen before any PBX grain looks for its endpoint.
        services.AddHostedService<SimulatedFleet>();
        services.AddHostedService<PbxKeeper>();
        return builder;
    }
}
