using CallPing.Runtime;
using CallPing.Runtime.Hosting;
using CallPing.Silo.Alerts;
using CallPing.Silo.Pbx;

namespace CallPing.Silo.Hosting;

/// <summary>The worker role's modules: the runtime's pumps, the PBX drivers, and the effects they run.</summary>
public static class WorkerRole
{
    public static IHostApplicationBuilder AddWorkerRole(this IHostApplicationBuilder builder)
    {
        builder.AddGrainRuntimeWorker();
        var services = builder.Services;
        services.AddSingleton<PbxEndpoints>();
        services.AddSingleton<PbxDrivers>();
#if PBX_SIMULATOR
        // The simulated fleet must listen before the lease keeper looks for PBXes to drive.
        services.AddHostedService<SimulatedFleet>();
#else
        // Built without the simulator (IncludePbxSimulator=false, the container image): asking for it stops the start in one line.
        services.AddOptions<CallPing.Grains.Pbx.Fleet.PbxOptions>().Validate(pbx => !pbx.IsSimulated,
            "Pbx:Simulate is true (set, or by default in Development), but this build has no PBX simulator (IncludePbxSimulator=false): configure Pbx:Fleet.");
#endif
        services.AddHostedService<PbxLeaseKeeper>();
        services.AddSingleton<IOutboxHandler, DialEffectHandler>();
        services.AddSingleton<IOutboxHandler, HangupEffectHandler>();
        services.AddSingleton<IOutboxHandler, PlayEffectHandler>();
        services.AddSingleton<IOutboxHandler, CallEndedHandler>();
        return builder;
    }
}
