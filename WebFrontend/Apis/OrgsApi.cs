using CallPing.Grains;
using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Audit;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Accounts.Bodies;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Orgs.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>Organisations of the signed-in person: create, list, switch, rename, delete, leave, join by invitation; their projects and audit log.</summary>
public static class OrgsApi
{
    public const string Prefix = "/api/v1/orgs";

    public static IEndpointRouteBuilder MapOrgsApi(this IEndpointRouteBuilder endpoints)
    {
        var orgs = endpoints.MapGroup(Prefix).WithTags("Organisations").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        orgs.MapGet("", ListAsync).Produces<List<MyOrg>>()
            .WithName("ListOrgs").WithSummary("The organisations of the signed-in person, with their role and which one is current.");
        orgs.MapPost("", CreateAsync).Accepts<NameBody>("application/json").Produces<OrgView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithName("CreateOrg").WithSummary("Creates an organisation; the signed-in person becomes its owner.");
        orgs.MapPost("/join", JoinAsync).Accepts<TokenBody>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("JoinOrg").WithSummary("Joins an organisation by the token of an invitation link, as the account of the invited address; the link works once.");

        var org = orgs.MapGroup("/{orgId}");
        org.MapGet("", GetAsync).RequireOrgRole(OrgRole.Member).Produces<OrgView>()
            .WithName("GetOrg").WithSummary("An organisation: name, members and roles, project ids.");
        org.MapPatch("", RenameAsync).RequireOrgRole(OrgRole.Owner).Accepts<NameBody>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .WithName("RenameOrg").WithSummary("Renames the organisation (owners).");
        org.MapDelete("", DeleteAsync).RequireOrgRole(OrgRole.Owner).RequireStepUp().Produces(StatusCodes.Status204NoContent)
            .WithName("DeleteOrg").WithSummary("Deletes the organisation and its projects (owners; needs a step-up).");
        org.MapPost("/switch", SwitchAsync).RequireOrgRole(OrgRole.Member).Produces(StatusCodes.Status204NoContent)
            .WithName("SwitchOrg").WithSummary("Makes the organisation the signed-in person's current one.");
        org.MapPost("/leave", LeaveAsync).RequireOrgRole(OrgRole.Member).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("LeaveOrg").WithSummary("Leaves the organisation; the last owner cannot.");
        org.MapGet("/audit", AuditAsync).RequireOrgRole(OrgRole.Admin).Produces<AuditPage>()
            .WithName("GetOrgAudit").WithSummary("The organisation's audit log, newest first, paged by ?before={nextCursor}&limit=, of one kind by ?kind= (org, member, project, phone-number, api-key, alert; owners and admins).");
        org.MapGet("/contacts", ListContactsAsync).RequireOrgRole(OrgRole.Member).Produces<List<OrgContact>>()
            .WithName("ListOrgContacts").WithSummary("Every member's phone numbers, masked, with the user and number ids a project's policy names as its contacts, and whether an alert would call each now (verified and on).");
        org.MapGet("/projects", ListProjectsAsync).RequireOrgRole(OrgRole.Member).Produces<List<ProjectView>>()
            .WithName("ListOrgProjects").WithSummary("The projects of the organisation.");
        org.MapPost("/projects", CreateProjectAsync).RequireOrgRole(OrgRole.Admin).Accepts<NameBody>("application/json")
            .Produces<CreatedOrgProject>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateOrgProject").WithSummary("Creates a project in the organisation (owners and admins).");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(await MyOrgs.ListAsync(grains, context.User.UserId()));

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (name, problem) = await ReadNameAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var by = OrgAccess.AuditOf(context);
        var profile = (await grains.GetGrain<IUserGrain>(by.ActorUserId).GetProfileAsync())!;
        var orgId = Guid.NewGuid().ToString("N");
        var view = await grains.GetGrain<IOrganizationGrain>(orgId).CreateAsync(name!, profile.Email, by);
        return TypedResults.Created($"{Prefix}/{orgId}", view);
    }

    private static async Task<IResult> JoinAsync(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<TokenBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!LinkToken.TryParse(body!.Token, out var orgId, out var secret))
        {
            return AccountJson.Invalid("token", "The token is not one of an invitation link.");
        }

        var by = OrgAccess.AuditOf(context);
        var email = (await grains.GetGrain<IUserGrain>(by.ActorUserId).GetProfileAsync())!.Email;
        return OrgProblems.Result(await grains.GetGrain<IOrganizationGrain>(orgId).JoinAsync(SecretHash.Of(secret), email, by));
    }

    private static async Task<IResult> GetAsync(HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<IOrganizationGrain>(OrgAccess.Of(context).OrgId).GetAsync() is { } view ? TypedResults.Ok(view) : OrgProblems.NotFound();

    private static async Task<IResult> RenameAsync(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (name, problem) = await ReadNameAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return OrgProblems.Result(await Org(context, grains).RenameAsync(name!, OrgAccess.AuditOf(context)));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, IGrainFactory grains) =>
        OrgProblems.Result(await Org(context, grains).DeleteAsync(OrgAccess.AuditOf(context)));

    private static async Task<IResult> SwitchAsync(HttpContext context, IGrainFactory grains)
    {
        var by = OrgAccess.AuditOf(context);
        return await grains.GetGrain<IUserGrain>(by.ActorUserId).SwitchOrgAsync(OrgAccess.Of(context).OrgId, by) ? TypedResults.NoContent() : OrgProblems.NotFound();
    }

    private static async Task<IResult> ListContactsAsync(HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(await OrgContacts.ListAsync(grains, OrgAccess.Of(context).OrgId));

    private static async Task<IResult> LeaveAsync(HttpContext context, IGrainFactory grains) =>
        OrgProblems.Result(await Org(context, grains).LeaveAsync(OrgAccess.AuditOf(context)));

    private static async Task<IResult> AuditAsync(HttpContext context, IGrainFactory grains, long? before, int? limit, string? kind)
    {
        if (limit is < 1 or > AuditPolicy.MaxPageSize)
        {
            return AccountJson.Invalid("limit", $"The limit is 1 to {AuditPolicy.MaxPageSize}.");
        }

        if (kind is not null && !AuditActions.Kinds.Contains(kind))
        {
            return AccountJson.Invalid("kind", $"The kind is one of {string.Join(", ", AuditActions.Kinds)}.");
        }

        return TypedResults.Ok(await grains.GetGrain<IAuditLogGrain>(OrgAccess.Of(context).OrgId).GetPageAsync(before, limit ?? 50, kind));
    }

    private static async Task<IResult> ListProjectsAsync(HttpContext context, IGrainFactory grains)
    {
        if (await Org(context, grains).GetAsync() is not { } view)
        {
            return OrgProblems.NotFound();
        }

        var projects = await Task.WhenAll(view.ProjectIds.Select(id => grains.GetGrain<IProjectGrain>(id).GetAsync()));
        return TypedResults.Ok(projects.OfType<ProjectView>().ToList());
    }

    private static async Task<IResult> CreateProjectAsync(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (name, problem) = await ReadNameAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var answer = await Org(context, grains).CreateProjectAsync(name!, OrgAccess.AuditOf(context));
        return OrgProblems.Result(answer, () => TypedResults.Created($"{ProjectsApi.Prefix}/{answer.CreatedId}", new CreatedOrgProject(answer.CreatedId!, name!)));
    }

    private static IOrganizationGrain Org(HttpContext context, IGrainFactory grains) => grains.GetGrain<IOrganizationGrain>(OrgAccess.Of(context).OrgId);

    /// <summary>A body <c>{"name": ...}</c>: the trimmed name, or the problem to answer.</summary>
    internal static async Task<(string? Name, IResult? Problem)> ReadNameAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<NameBody>(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        return ValidName(body!.Name, out var name) is { } invalid ? (null, invalid) : (name, null);
    }

    /// <summary>Null with the trimmed name when it is valid (checked here as in the grain: an exception crossing a grain call loses its field).</summary>
    private static IResult? ValidName(string? input, out string? name)
    {
        try
        {
            name = DisplayName.Validate(input, "name");
            return null;
        }
        catch (ArgumentException e)
        {
            name = null;
            return AccountJson.Invalid("name", e.Message.Replace(" (Parameter 'name')", "", StringComparison.Ordinal));
        }
    }
}
