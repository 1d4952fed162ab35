using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Orgs.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>An organisation's project by its id: read, rename, escalation policy, delete.</summary>
public static class ProjectsApi
{
    public const string Prefix = "/api/v1/projects";

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder endpoints)
    {
        var project = endpoints.MapGroup($"{Prefix}/{{projectId}}").WithTags("Projects").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        project.MapGet("", GetAsync).RequireOrgRole(OrgRole.Member).Produces<ProjectView>()
            .WithName("GetOrgProject").WithSummary("A project: name, escalation policy, API keys (prefixes only).");
        project.MapPatch("", RenameAsync).RequireOrgRole(OrgRole.Admin).Accepts<NameBody>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .WithName("RenameProject").WithSummary("Renames the project (owners and admins).");
        project.MapPut("/policy", SetPolicyAsync).RequireOrgRole(OrgRole.Admin).Accepts<PolicyBody>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .WithName("SetProjectPolicy").WithSummary("Sets the escalation policy: contacts (members' phone numbers) in call order, ring timeout, step delay, repeats.");
        project.MapDelete("", DeleteAsync).RequireOrgRole(OrgRole.Admin).RequireStepUp().Produces(StatusCodes.Status204NoContent)
            .WithName("DeleteProject").WithSummary("Deletes the project: its API keys stop working (owners and admins; needs a step-up).");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string projectId, IGrainFactory grains) =>
        await grains.GetGrain<IProjectGrain>(projectId).GetAsync() is { } view ? TypedResults.Ok(view) : OrgProblems.NotFound();

    private static async Task<IResult> RenameAsync(string projectId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (name, problem) = await OrgsApi.ReadNameAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await grains.GetGrain<IProjectGrain>(projectId).RenameAsync(name!);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetPolicyAsync(string projectId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<PolicyBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var defaults = EscalationPolicy.Default;
        var policy = new EscalationPolicy(
            TimeSpan.FromSeconds(body!.RingTimeoutSeconds ?? defaults.RingTimeout.TotalSeconds),
            TimeSpan.FromSeconds(body.StepDelaySeconds ?? defaults.StepDelay.TotalSeconds),
            body.Repeats ?? defaults.Repeats);
        List<PolicyContact> contacts = [.. (body.Contacts ?? []).Select(c => new PolicyContact(c?.UserId!, c?.PhoneNumberId!))];
        try
        {
            ProjectRules.ValidPolicy(policy);
            ProjectRules.ValidPolicyContacts(contacts);
        }
        catch (ArgumentException e)
        {
            return AccountJson.Invalid(FieldOf(e.ParamName), e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }

        // Membership is checked here, from the organisation's word, rather than by the project asking its organisation:
        // an organisation waits on its projects when it creates or deletes one, and two grains waiting on each other would hang.
        var members = (await grains.GetGrain<IOrganizationGrain>(OrgAccess.Of(context).OrgId).GetAsync())?.Members.Select(m => m.UserId).ToHashSet() ?? [];
        if (contacts.FindIndex(c => !members.Contains(c.UserId)) is var stranger and >= 0)
        {
            return AccountJson.Invalid("contacts", $"Contact {stranger + 1} is not a member of the organisation.");
        }

        await grains.GetGrain<IProjectGrain>(projectId).SetPolicyAsync(policy, contacts);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DeleteAsync(string projectId, HttpContext context, IGrainFactory grains) =>
        OrgProblems.Result(await grains.GetGrain<IOrganizationGrain>(OrgAccess.Of(context).OrgId).DeleteProjectAsync(projectId, OrgAccess.AuditOf(context)));

    private static string FieldOf(string? paramName) => paramName switch
    {
        nameof(EscalationPolicy.RingTimeout) => "ringTimeoutSeconds",
        nameof(EscalationPolicy.StepDelay) => "stepDelaySeconds",
        nameof(EscalationPolicy.Repeats) => "repeats",
        _ => "contacts",
    };
}
