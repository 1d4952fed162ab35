using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallPing.Silo.Storage;

/// <summary>Ready when the store was claimed and migrated at start and still answers; the description names the store.</summary>
internal sealed class StoreHealthCheck(CallPingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (ready, detail) = await store.CheckReadyAsync(cancellationToken);
        return ready ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail);
    }
}
