using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Http;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.Native;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Apis;

/// <summary>
/// The native alert API, authenticated by "Authorization: Bearer cp_live_...": raise, look up, acknowledge, resolve.
/// Looking up, acknowledging and resolving an alert is also open to the members of the organisation owning its
/// project, by session (<see cref="MemberSessionFilter"/>); their changes leave an audit row, a key's do not.
/// </summary>
public static class AlertsApi
{
    /// <summary>Longer ids are no alert's; refusing them spares the store a lookup.</summary>
    private const int MaxAlertIdLength = 128;

    /// <summary>Who acknowledged or resolved, as the alert records it, for changes made through this API.</summary>
    private const string ApiActor = "api";

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder endpoints)
    {
        var gate = IntakeGate.For(endpoints);
        endpoints.ServiceProvider.GetRequiredService<OrgScopes>().Add("alertId", OrgOfAlertAsync);
        var member = new MemberSessionFilter(OrgRole.Member);
        var api = endpoints.MapGroup("/api/v1/alerts").WithTags("Alerts")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/", (HttpContext context, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken) =>
                SubmitAsync(context, gate, grains, logs, cancellationToken))
            .Accepts<NativeAlertRequest>("application/json")
            .WithName("SubmitAlert")
            .WithSummary("Triggers, acknowledges or resolves an alert by dedup key; answers once the event is stored.")
            .WithDescription("A repeat of an open alert with the same dedup key raises its count and calls nobody again. "
                + "Nothing is stored when the answer is 4xx.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/{alertId}", (string alertId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken) =>
                GetAsync(alertId, context, gate, grains, cancellationToken))
            .AddEndpointFilter(member)
            .WithName("GetAlert")
            .WithSummary("An alert with its call log: of the key's project, or of a project of the signed-in member's organisation.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{alertId}/acknowledge", (string alertId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken) =>
                ChangeAsync(alertId, context, gate, grains, AlertAction.Acknowledge, cancellationToken))
            .AddEndpointFilter(new ReadBodyFirstFilter(gate.Options.MaxBodyBytes))
            .AddEndpointFilter(member)
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledges an alert (by key, or by a member's session with an audit row): all calling stops.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{alertId}/resolve", (string alertId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken) =>
                ChangeAsync(alertId, context, gate, grains, AlertAction.Resolve, cancellationToken))
            .AddEndpointFilter(new ReadBodyFirstFilter(gate.Options.MaxBodyBytes))
            .AddEndpointFilter(member)
            .WithName("ResolveAlert")
            .WithSummary("Resolves an alert (by key, or by a member's session with an audit row): all calling stops and a ringing call is hung up.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Accepted<IntakeResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext context, IntakeGate gate, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (projectId, request, failure) = await BearerIntake.ReadAsync<NativeAlertRequest>(context, gate, gate.NativeJson, cancellationToken);
        if (failure is not null)
        {
            return IntakeProblems.From(failure, context);
        }

        var mapping = NativeAlertMapper.Map(request!, projectId!, gate.Options.MaxDetailsBytes);
        if (!mapping.IsValid)
        {
            return IntakeProblems.Invalid(mapping.Errors);
        }

        var result = await gate.SubmitAsync(grains, mapping.Events[0], logs.CreateLogger(IntakeSubmitter.LogCategory), cancellationToken);
        return TypedResults.Accepted(result.AlertId is null ? null : $"/api/v1/alerts/{Uri.EscapeDataString(result.AlertId)}", IntakeResponse.From(result));
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> GetAsync(
        string alertId, HttpContext context, IntakeGate gate, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (OrgAccess.Find(context) is not null)
        {
            return await grains.GetGrain<IAlertGrain>(alertId).GetAsync() is { } found ? TypedResults.Ok(found) : MemberNotFound();
        }

        var (alert, failure) = await FindAsync(alertId, context, gate, grains, cancellationToken);
        return failure is not null ? IntakeProblems.From(failure, context) : TypedResults.Ok(alert);
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> ChangeAsync(
        string alertId, HttpContext context, IntakeGate gate, IGrainFactory grains, AlertAction action, CancellationToken cancellationToken)
    {
        if (OrgAccess.Find(context) is { } access)
        {
            return TypedResults.Ok(await grains.GetGrain<IAlertGrain>(alertId).ChangeByMemberAsync(action, access.OrgId, OrgAccess.AuditOf(context)));
        }

        var (_, failure) = await FindAsync(alertId, context, gate, grains, cancellationToken);
        if (failure is not null)
        {
            return IntakeProblems.From(failure, context);
        }

        var alert = grains.GetGrain<IAlertGrain>(alertId);
        return TypedResults.Ok(action == AlertAction.Acknowledge ? await alert.AcknowledgeAsync(ApiActor) : await alert.ResolveAsync(ApiActor));
    }

    /// <summary>The organisation owning the alert's project, for <see cref="OrgScopes"/>; null for an operator's project's alert.</summary>
    private static async Task<string?> OrgOfAlertAsync(IGrainFactory grains, string alertId) =>
        await grains.GetGrain<IAlertGrain>(alertId).GetProjectIdAsync() is { } projectId
            ? await grains.GetGrain<IProjectGrain>(projectId).GetOrgIdAsync()
            : null;

    /// <summary>An alert that went between the membership check and the read.</summary>
    private static ProblemHttpResult MemberNotFound() =>
        TypedResults.Problem("There is no such resource, or it is not in one of your organisations.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The alert when it exists and belongs to the key's project; another project's alert is as unknown as a missing one.</summary>
    private static async Task<(AlertView? Alert, IntakeFailure? Failure)> FindAsync(
        string alertId, HttpContext context, IntakeGate gate, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (projectId, refused) = await gate.AdmitAsync(IntakeGate.BearerKeyOf(context.Request), cancellationToken);
        if (refused is not null)
        {
            return (null, refused);
        }

        var alert = alertId.Length > MaxAlertIdLength ? null : await grains.GetGrain<IAlertGrain>(alertId).GetAsync();
        return alert is not null && alert.ProjectId == projectId
            ? (alert, null)
            : (null, new IntakeFailure(StatusCodes.Status404NotFound, null, "This project has no such alert."));
    }
}
