using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Apis;

/// <summary>
/// A test alert sent by a member's session: a real alert of the project, which calls its escalation as any other, so
/// that the team sees the whole chain work before monitoring needs it.
/// </summary>
public static class ProjectTestAlertApi
{
    /// <summary>The intake origin of a test alert, as the alert and the metrics name it.</summary>
    public const string Origin = "portal-test";

    public const string Summary = "Test alert from CallPing: nothing is broken, please acknowledge.";

    public static IEndpointRouteBuilder MapProjectTestAlertApi(this IEndpointRouteBuilder endpoints)
    {
        var gate = IntakeGate.For(endpoints);
        endpoints.MapGroup($"{ProjectsApi.Prefix}/{{projectId}}").WithTags("Projects").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .MapPost("/test-alert", (string projectId, HttpContext context, IGrainFactory grains, AccountLimits limits, AccountClock clock, ILoggerFactory logs, CancellationToken cancellationToken) =>
                SendAsync(projectId, context, gate, grains, limits, clock, logs, cancellationToken)).RequireOrgRole(OrgRole.Member)
            .Produces<IntakeResponse>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SendProjectTestAlert")
            .WithSummary("Raises a test alert in the project, which calls its escalation policy like any alert (members and up; as many a minute per project as Accounts:AccountPermitsPerMinute).");
        return endpoints;
    }

    private static async Task<IResult> SendAsync(
        string projectId, HttpContext context, IntakeGate gate, IGrainFactory grains, AccountLimits limits, AccountClock clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (limits.TryAcquire(AccountLimits.TestAlert, projectId) is { } wait)
        {
            return AccountProblems.TooMany(context, wait);
        }

        // A dedup key of its own, so that every test is a new alert that calls, not a repeat of an open one.
        var test = new AlertEvent(projectId, $"test-{IntakeText.NewDedupKey()}", AlertAction.Trigger, Summary, AlertSeverity.Info, "CallPing portal", null, Origin);
        var result = await gate.SubmitAsync(grains, test, logs.CreateLogger(IntakeSubmitter.LogCategory), cancellationToken);

        // The row is written after the alert is stored and keyed by the alert, so a retry adds no second row; a crash
        // between the two leaves the test alert without its row.
        var by = OrgAccess.AuditOf(context);
        var orgId = OrgAccess.Of(context).OrgId;
        await grains.GetGrain<IAuditLogGrain>(orgId).AppendAsync(
            [new AuditEntry($"test-alert-{result.AlertId}", orgId, clock.Now, by.ActorUserId, AuditActions.AlertTest, result.AlertId!, by.Ip, projectId)]);
        return TypedResults.Accepted($"/api/v1/alerts/{Uri.EscapeDataString(result.AlertId!)}", IntakeResponse.From(result));
    }
}
