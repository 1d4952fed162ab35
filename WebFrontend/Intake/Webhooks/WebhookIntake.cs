using Microsoft.AspNetCore.Http.HttpResults;

namespace CallPing.WebFrontend.Intake.Webhooks;

/// <summary>The one handler behind the Alertmanager and Grafana webhook endpoints, which differ only in their origin.</summary>
public static class WebhookIntake
{
    public static async Task<Results<Accepted<IntakeBatchResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext context, IntakeGate gate, IGrainFactory grains, ILoggerFactory logs, string origin, CancellationToken cancellationToken)
    {
        var (projectId, payload, failure) = await BearerIntake.ReadAsync<WebhookPayload>(context, gate, gate.IntegrationJson, cancellationToken);
        if (failure is not null)
        {
            return IntakeProblems.From(failure, context);
        }

        var mapping = WebhookMapper.Map(payload!, projectId!, origin, gate.Options.MaxDetailsBytes);
        if (!mapping.IsValid)
        {
            return IntakeProblems.Invalid(mapping.Errors);
        }

        var results = await gate.SubmitAllAsync(grains, mapping.Events, logs.CreateLogger(IntakeSubmitter.LogCategory), cancellationToken);
        return TypedResults.Accepted((string?)null, new IntakeBatchResponse([.. results.Select(IntakeResponse.From)]));
    }
}
