using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.Webhooks;

namespace CallPing.WebFrontend.Apis;

/// <summary>
/// Webhook receivers for monitoring tools, authenticated with a CallPing API key as Bearer credentials:
/// Alertmanager (webhook_configs with http_config.authorization) and Grafana alerting (webhook contact point).
/// Both send an Alertmanager-shaped payload, so one mapping serves both.
/// </summary>
public static class IntegrationsApi
{
    public static IEndpointRouteBuilder MapIntegrationsApi(this IEndpointRouteBuilder endpoints)
    {
        var gate = IntakeGate.For(endpoints);
        var group = endpoints.MapGroup("/api/v1/integrations").WithTags("Intake");
        MapWebhook(group, gate, "/alertmanager", "AlertmanagerWebhook", WebhookMapper.AlertmanagerOrigin,
            "Takes an Alertmanager webhook (version 4): each firing alert triggers, each resolved one resolves, deduplicated by fingerprint.");
        MapWebhook(group, gate, "/grafana", "GrafanaWebhook", WebhookMapper.GrafanaOrigin,
            "Takes a Grafana alerting webhook: each firing alert triggers, each resolved one resolves, deduplicated by fingerprint.");
        return endpoints;
    }

    private static void MapWebhook(RouteGroupBuilder group, IntakeGate gate, string path, string name, string origin, string summary) =>
        group.MapPost(path, (HttpContext context, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken) =>
                WebhookIntake.HandleAsync(context, gate, grains, logs, origin, cancellationToken))
            .Accepts<WebhookPayload>("application/json")
            .WithName(name)
            .WithSummary(summary)
            .WithDescription("Answers 202 with one result per alert in the payload, in order. Nothing is stored when the answer is 4xx.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
