using CallPing.Runtime.Hosting;

namespace CallPing.Silo.Hosting;

/// <summary>The worker role's modules.</summary>
public static class WorkerRole
{
    public static IHostApplicationBuilder AddWorkerRole(this IHostApplicationBuilder builder) => builder.AddGrainRuntimeWorker();
}
