using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Orgs;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Orgs.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>The members of an organisation: list, role change, removal, and invitations by e-mail link.</summary>
public static class OrgMembersApi
{
    public static IEndpointRouteBuilder MapOrgMembersApi(this IEndpointRouteBuilder endpoints)
    {
        var org = endpoints.MapGroup($"{OrgsApi.Prefix}/{{orgId}}").WithTags("Organisations").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        org.MapGet("/members", ListAsync).RequireOrgRole(OrgRole.Member).Produces<List<OrgMember>>()
            .WithName("ListOrgMembers").WithSummary("The members of the organisation with their roles.");
        org.MapPut("/members/{userId}/role", ChangeRoleAsync).RequireOrgRole(OrgRole.Admin).Accepts<RoleBody>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ChangeOrgMemberRole").WithSummary("Changes a member's role (admins between member and admin, owners any; the last owner stays one).");
        org.MapDelete("/members/{userId}", RemoveAsync).RequireOrgRole(OrgRole.Admin).RequireStepUp()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RemoveOrgMember").WithSummary("Removes a member (admins remove members and admins, owners anyone; needs a step-up).");
        org.MapGet("/invitations", ListInvitationsAsync).RequireOrgRole(OrgRole.Admin).Produces<List<InvitationView>>()
            .WithName("ListOrgInvitations").WithSummary("The invitations not used and not expired (owners and admins).");
        org.MapPost("/invitations", InviteAsync).RequireOrgRole(OrgRole.Admin).Accepts<InvitationBody>("application/json")
            .Produces<CreatedInvitation>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("InviteToOrg").WithSummary("E-mails an invitation link (7 days, single use) to an address, with a role (only owners invite owners); as many a minute per account as Accounts:AccountPermitsPerMinute.");
        org.MapDelete("/invitations/{invitationId}", WithdrawAsync).RequireOrgRole(OrgRole.Admin).Produces(StatusCodes.Status204NoContent)
            .WithName("WithdrawOrgInvitation").WithSummary("Withdraws an invitation: its link stops working.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains) =>
        await Org(context, grains).GetAsync() is { } view ? TypedResults.Ok(view.Members) : OrgProblems.NotFound();

    private static async Task<IResult> ChangeRoleAsync(string userId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<RoleBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Role is not { } role)
        {
            return AccountJson.Invalid("role", "A role is required: owner, admin or member.");
        }

        return OrgProblems.Result(await Org(context, grains).ChangeRoleAsync(userId, role, OrgAccess.AuditOf(context)));
    }

    private static async Task<IResult> RemoveAsync(string userId, HttpContext context, IGrainFactory grains) =>
        OrgProblems.Result(await Org(context, grains).RemoveMemberAsync(userId, OrgAccess.AuditOf(context)));

    private static async Task<IResult> ListInvitationsAsync(HttpContext context, IGrainFactory grains) =>
        await Org(context, grains).GetInvitationsAsync(context.User.UserId()) is { } invitations ? TypedResults.Ok(invitations) : OrgProblems.NotFound();

    private static async Task<IResult> InviteAsync(HttpContext context, IGrainFactory grains, AccountMails mails, AccountLimits limits, AccountClock clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<InvitationBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (EmailAddress.Normalise(body!.Email, out var emailError) is not { } email)
        {
            return AccountJson.Invalid("email", emailError!);
        }

        if (body.Role is not { } role)
        {
            return AccountJson.Invalid("role", "A role is required: owner, admin or member.");
        }

        if (limits.TryAcquire(AccountLimits.Invite, context.User.UserId()) is { } wait)
        {
            return AccountProblems.TooMany(context, wait);
        }

        var org = Org(context, grains);
        var secret = SecretHash.NewSecret();
        var expiresAt = clock.Now + OrgPolicy.InvitationLifetime;
        var answer = await org.InviteAsync(new NewInvitation(email, role, SecretHash.Of(secret), expiresAt), OrgAccess.AuditOf(context));
        if (answer.Outcome == OrgOutcome.Done)
        {
            var orgId = OrgAccess.Of(context).OrgId;
            var name = (await org.GetAsync())?.Name ?? "";
            await mails.SendInvitationAsync(email, name, LinkToken.Compose(orgId, secret), cancellationToken);
        }

        return OrgProblems.Result(answer, () => TypedResults.Created(
            $"{OrgsApi.Prefix}/{OrgAccess.Of(context).OrgId}/invitations/{answer.CreatedId}", new CreatedInvitation(answer.CreatedId!, email, role, expiresAt)));
    }

    private static async Task<IResult> WithdrawAsync(string invitationId, HttpContext context, IGrainFactory grains) =>
        OrgProblems.Result(await Org(context, grains).WithdrawInvitationAsync(invitationId, OrgAccess.AuditOf(context)));

    private static IOrganizationGrain Org(HttpContext context, IGrainFactory grains) => grains.GetGrain<IOrganizationGrain>(OrgAccess.Of(context).OrgId);
}
