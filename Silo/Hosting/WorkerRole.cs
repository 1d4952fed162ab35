using CallPing.Runtime;
using CallPing.Runtime.Hosting;
using CallPing.Silo.Pbx;

namespace CallPing.Silo.Hosting;

/// <summary>The worker role's modules: the runtime's pumps, and the PBX drivers with their effects.</summary>
public static class WorkerRole
{
    public static IHostApplicationBuilder AddWorkerRole(this IHostApplicationBuilder builder)
    {
        builder.AddGrainRuntimeWorker();
        var services = builder.Services;
        services.AddSingleton<PbxEndpoints>();
        services.AddSingleton<PbxDrivers>();
        // The simulated fleet must listen before the lease keeper looks for PBXes to drive.
        services.AddHostedService<SimulatedFleet>();
        services.AddHostedService<PbxLeaseKeeper>();
        services.AddSingleton<IOutboxHandler, DialEffectHandler>();
        services.AddSingleton<IOutboxHandler, HangupEffectHandler>();
        return builder;
    }
}
