using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallPing.WebFrontend.Apis;

/// <summary>Probes for load balancers and Kubernetes, served by every process whatever its roles.</summary>
public static class HealthApi
{
    /// <summary>The tag of the health checks that /readyz runs.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", Alive)
            .WithName("Healthz").WithSummary("The process is alive.").WithTags("Health");
        endpoints.MapGet("/readyz", ReadyAsync)
            .WithName("Readyz").WithSummary("The store is reachable and its migrations are applied.").WithTags("Health")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static Ok<HealthStatus> Alive() => TypedResults.Ok(new HealthStatus("alive", null));

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var detail = string.Join("; ", report.Entries.Select(e => e.Value.Description ?? e.Key));
        return report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            ? TypedResults.Ok(new HealthStatus("ready", detail))
            : TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
    }
}
