using Microsoft.Extensions.Diagnostics.HealthChecks;
using CallPing.Runtime.Storage;

namespace CallPing.WebFrontend.Health;

/// <summary>Ready when the store answers and its migrations are applied; the description names the store.</summary>
public sealed class StoreHealthCheck(IRuntimeStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (ready, detail) = await store.CheckReadyAsync(cancellationToken);
        return ready ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail);
    }
}
