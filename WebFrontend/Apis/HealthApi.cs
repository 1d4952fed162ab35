using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.Runtime.Storage;

namespace CallPing.WebFrontend.Apis;

/// <summary>Probes for load balancers and Kubernetes, served by every process whatever its roles.</summary>
public static class HealthApi
{
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

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(IRuntimeStore store, CancellationToken cancellationToken)
    {
        var (ready, detail) = await store.CheckReadyAsync(cancellationToken);
        return ready
            ? TypedResults.Ok(new HealthStatus("ready", detail))
            : TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
    }
}
