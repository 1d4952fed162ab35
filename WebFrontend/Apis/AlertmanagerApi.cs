using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.Runtime;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.Webhooks;

namespace CallPing.WebFrontend.Apis;

/// <summary>Alertmanager's webhook receiver (webhook_configs with http_config.authorization of type Bearer and a CallPing API key).</summary>
public static class AlertmanagerApi
{
    public static IEndpointRouteBuilder MapAlertmanagerApi(this IEndpointRouteBuilder endpoints)
    {
        var gate = IntakeGate.For(endpoints);
        endpoints.MapGroup("/api/v1/integrations").WithTags("Intake")
            .MapPost("/alertmanager", (HttpContext context, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken) =>
                ReceiveAsync(context, gate, grains, logs, cancellationToken))
            .Accepts<WebhookPayload>("application/json")
            .WithName("AlertmanagerWebhook")
            .WithSummary("Takes an Alertmanager webhook (version 4): each firing alert triggers, each resolved one resolves, deduplicated by fingerprint.")
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
        WebhookIntake.HandleAsync(context, gate, grains, logs, WebhookMapper.AlertmanagerOrigin, cancellationToken);
}
