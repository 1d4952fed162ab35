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
        // The simulated fleet must listen before the lease keeper looks for PBXes to drive.
        services.AddHostedService<SimulatedFleet>();
        services.AddHostedService<PbxLeaseKeeper>();
        services.AddSingleton<IOutboxHandler, DialEffectHandler>();
        services.AddSingleton<IOutboxHandler, HangupEffectHandler>();
        services.AddSingleton<IOutboxHandler, PlayEffectHandler>();
        services.AddSingleton<IOutboxHandler, CallEndedHandler>();
        return builder;
    }
}
