using Microsoft.Extensions.Diagnostics.HealthChecks;
using CallPing.WebFrontend.Hosting;

namespace CallPing.WebFrontend.Health;

/// <summary>
/// Ready while the cluster answers: at least one active silo, as seen through this process's Orleans client. A web-only
/// process that has not joined yet says what it waits for (<paramref name="joining"/>, absent in a silo).
/// </summary>
public sealed class ClusterHealthCheck(IClusterClient cluster, WaitForWorkerSilo? joining = null) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout, cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"cluster: {silos.Count} active silo{(silos.Count == 1 ? "" : "s")}")
                : HealthCheckResult.Unhealthy("cluster: no active silo");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(joining?.Awaited is { } awaited
                ? $"cluster: waiting for a worker silo to join ({awaited})"
                : $"cluster: not reachable ({e.Message})");
        }
    }
}
