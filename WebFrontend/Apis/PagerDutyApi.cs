using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.PagerDuty;

namespace CallPing.WebFrontend.Apis;

/// <summary>
/// PagerDuty Events API v2 compatible intake, so that Alertmanager's and Grafana's PagerDuty integrations work when their
/// URL points here and their routing key is a CallPing API key. Answers in PagerDuty's shapes: 202 success, 400 invalid
/// event (an unknown or revoked routing key included, as PagerDuty answers for a bad routing key), 429 to retry later.
/// </summary>
public static class PagerDutyApi
{
    public static IEndpointRouteBuilder MapPagerDutyApi(this IEndpointRouteBuilder endpoints)
    {
        var gate = IntakeGate.For(endpoints);
        endpoints.MapPost("/v2/enqueue", (HttpContext context, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken) =>
                EnqueueAsync(context, gate, grains, logs, cancellationToken))
            .Accepts<PagerDutyEvent>("application/json")
            .WithName("PagerDutyEnqueue")
            .WithSummary("Takes a PagerDuty Events API v2 alert event (trigger, acknowledge, resolve) keyed by routing_key.")
            .WithDescription("Answers in PagerDuty's shapes: 202 with the dedup key; 400 with the errors, an unknown or revoked routing key "
                + "included, as PagerDuty answers for a bad routing key. Authenticated by routing_key, not by a header.")
            .WithTags("Intake")
            .Produces<PagerDutyAccepted>(StatusCodes.Status202Accepted)
            .Produces<PagerDutyInvalid>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<Results<JsonHttpResult<PagerDutyAccepted>, JsonHttpResult<PagerDutyInvalid>, ProblemHttpResult>> EnqueueAsync(
        HttpContext context, IntakeGate gate, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (pdEvent, unreadable) = await IntakeBody.ReadJsonAsync<PagerDutyEvent>(context.Request, gate.IntegrationJson, gate.Options.MaxBodyBytes, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable.Status == StatusCodes.Status400BadRequest
                ? Invalid(new FieldError(unreadable.Field ?? "body", unreadable.Detail))
                : IntakeProblems.From(unreadable, context);
        }

        if (string.IsNullOrWhiteSpace(pdEvent!.RoutingKey))
        {
            return Invalid(new FieldError("routing_key", "is missing"));
        }

        var (projectId, refused) = await gate.AdmitAsync(pdEvent.RoutingKey, cancellationToken);
        if (refused is not null)
        {
            return refused.Status == StatusCodes.Status401Unauthorized
                ? Invalid(new FieldError("routing_key", "is not a valid CallPing API key"))
                : IntakeProblems.From(refused, context);
        }

        var mapping = PagerDutyMapper.Map(pdEvent, projectId!, gate.Options.MaxDetailsBytes);
        if (!mapping.IsValid)
        {
            return Invalid([.. mapping.Errors]);
        }

        var result = await gate.SubmitAsync(grains, mapping.Events[0], logs.CreateLogger(IntakeSubmitter.LogCategory), cancellationToken);
        return TypedResults.Json(PagerDutyAccepted.For(result.DedupKey), statusCode: StatusCodes.Status202Accepted);
    }

    private static JsonHttpResult<PagerDutyInvalid> Invalid(params FieldError[] errors) =>
        TypedResults.Json(PagerDutyInvalid.For(errors), statusCode: StatusCodes.Status400BadRequest);
}
