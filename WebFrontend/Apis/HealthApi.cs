using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using CallPing.WebFrontend.Health;

namespace CallPing.WebFrontend.Apis;

/// <summary>
/// Probes for load balancers and Kubernetes, served by every process whatever its roles, on ASP.NET Core health checks.
/// They are for orchestrators, not API clients, so the OpenAPI document leaves them out.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check: a store or PBX outage must not get the process restarted, only taken out of rotation.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportJson.WriteAsync })
            .ExcludeFromDescription();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthChecksHostingExtensions.ReadyTag),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The probes' and the metrics scrape's paths, which every process serves whatever its state.</summary>
    public static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
