using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallPing.Silo.Storage;

/// <summary>Ready when the store was claimed and migrated at start and still answers.</summary>
internal sealed class StoreHealthCheck(CallPingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await store.StartAsync(cancellationToken);
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.Description}, schema version {version}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.Description}: {e.Message}");
        }
    }
}
