using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.Runtime;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.Webhooks;

namespace CallPing.WebFrontend.Apis;

/// <summary>Grafana alerting's webhook contact point (Authorization header scheme Bearer, credentials a CallPing API key).</summary>
public static class GrafanaApi
{
    public static IEndpointRouteBuilder MapGrafanaApi(this IEndpointRouteBuilder endpoints)
    {
        var gate = IntakeGate.For(endpoints);
        endpoints.MapGroup("/api/v1/integrations").WithTags("Intake")
            .MapPost("/grafana", (HttpContext context, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken) =>
                ReceiveAsync(context, gate, grains, logs, cancellationToken))
            .Accepts<WebhookPayload>("application/json")
            .WithName("GrafanaWebhook")
            .WithSummary("Takes a Grafana alerting webhook: each firing alert triggers, each resolved one resolves, deduplicated by fingerprint.")
            .WithDescription("Answers 202 with one result per alert in the payload, in order. Nothing is stored when the answer is 4xx.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static Task<Results<Accepted<IntakeBatchResponse>, ProblemHttpResult>> ReceiveAsync(
        HttpContext context, IntakeGate gate, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken) =>
        WebhookIntake.HandleAsync(context, gate, grains, logs, WebhookMapper.GrafanaOrigin, cancellationToken);
}
