using CallPing.Silo.Pbx;

namespace CallPing.Silo.Hosting;

/// <summary>The worker role's modules: the PBX endpoints this silo can connect to, and the keeper that nudges the fleet's PBX grains.</summary>
public static class WorkerRole
{
    public static IHostApplicationBuilder AddWorkerRole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
#if PBX_SIMULATOR
        // The simulated fleet must listen before any PBX grain looks for its endpoint.
        services.AddHostedService<SimulatedFleet>();
#else
        // Built without the simulator (IncludePbxSimulator=false, the container image): asking for it stops the start in one line.
        services.AddOptions<PbxOptions>().Validate(pbx => !pbx.IsSimulated,
            "Pbx:Simulate is true (set, or by default in Development), but this build has no PBX simulator (IncludePbxSimulator=false): configure Pbx:Fleet.");
#endif
        services.AddHostedService<PbxKeeper>();
        return builder;
    }
}
