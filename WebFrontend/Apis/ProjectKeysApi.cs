using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Orgs.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>The API keys of an organisation's project: list them, issue one (shown once), revoke one.</summary>
public static class ProjectKeysApi
{
    public static IEndpointRouteBuilder MapProjectKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var gate = IntakeGate.For(endpoints);
        var keys = endpoints.MapGroup($"{ProjectsApi.Prefix}/{{projectId}}/keys").WithTags("API keys").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapGet("", ListAsync).RequireOrgRole(OrgRole.Member).Produces<List<ProjectApiKey>>()
            .WithName("ListProjectApiKeys").WithSummary("The project's live API keys: id, first characters, label, created, last used (to the minute); never the key.");
        keys.MapPost("", CreateAsync).RequireOrgRole(OrgRole.Admin).Accepts<LabelBody>("application/json")
            .Produces<CreatedApiKey>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithName("CreateProjectApiKey").WithSummary("Issues an API key for alert intake; this answer is the only one that shows the key (owners and admins).");
        keys.MapDelete("/{keyId}", (string projectId, string keyId, HttpContext context, IGrainFactory grains) => RevokeAsync(projectId, keyId, context, grains, gate))
            .RequireOrgRole(OrgRole.Admin).RequireStepUp().Produces(StatusCodes.Status204NoContent)
            .WithName("RevokeProjectApiKey").WithSummary("Revokes an API key: refused at once by this web process, within 2 s by the others; a revoked or unknown key id is 404 (owners and admins; needs a step-up).");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string projectId, IGrainFactory grains) =>
        await grains.GetGrain<IProjectGrain>(projectId).GetAsync() is { } view
            ? TypedResults.Ok(view.ApiKeys.Where(k => !k.Revoked).Select(k => new ProjectApiKey(k.KeyId, k.Prefix, k.Label, k.CreatedAt, k.LastUsedAt)).ToList())
            : OrgProblems.NotFound();

    private static async Task<IResult> CreateAsync(string projectId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<LabelBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            // Checked here as well as in the grain: an exception crossing a grain call loses its field.
            ProjectRules.ValidLabel(body!.Label);
        }
        catch (ArgumentException e)
        {
            return AccountJson.Invalid("label", e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }

        var issued = await grains.GetGrain<IProjectGrain>(projectId).IssueApiKeyAsync(body.Label!, OrgAccess.AuditOf(context));
        return TypedResults.Created($"{ProjectsApi.Prefix}/{projectId}/keys/{issued.KeyId}",
            new CreatedApiKey(issued.KeyId, issued.Key, issued.Prefix, issued.Label, issued.CreatedAt));
    }

    // A second revocation finds no live key of that id and is 404, as a key of another project is: the key is no
    // longer one of the project's, and nothing is written or audited again.
    private static async Task<IResult> RevokeAsync(string projectId, string keyId, HttpContext context, IGrainFactory grains, IntakeGate gate) =>
        await gate.RevokeAsync(grains.GetGrain<IProjectGrain>(projectId), keyId, OrgAccess.AuditOf(context)) ? TypedResults.NoContent() : OrgProblems.NotFound();
}
