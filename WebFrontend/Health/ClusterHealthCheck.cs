using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallPing.WebFrontend.Health;

/// <summary>Ready while the cluster answers: at least one active silo, as seen through this process's Orleans client.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster) : IHealthCheck
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
            return HealthCheckResult.Unhealthy($"cluster: not reachable ({e.Message})");
        }
    }
}
