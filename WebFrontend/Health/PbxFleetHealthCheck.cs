using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using CallPing.Grains.Pbx.Fleet;

namespace CallPing.WebFrontend.Health;

/// <summary>
/// Not ready when no PBX is configured and none is simulated: a paging service that cannot place a call must not take
/// traffic. A simulated fleet is ready, and says it plainly.
/// </summary>
public sealed class PbxFleetHealthCheck(IOptions<PbxOptions> options) : IHealthCheck
{
    public const string NoPbx = "No PBX is configured (Pbx:Fleet is empty) and Pbx:Simulate is not true: no call can be placed.";

    public const string Simulated = "simulated PBX fleet: no real phone rings";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pbx = options.Value;
        return Task.FromResult(
            pbx.HasNoPbx ? HealthCheckResult.Unhealthy(NoPbx)
            : pbx.IsSimulated ? HealthCheckResult.Healthy(Simulated)
            : HealthCheckResult.Healthy($"{pbx.Fleet.Count} PBX(es) configured: {string.Join(", ", pbx.Fleet.Select(p => p.Id))}"));
    }
}
