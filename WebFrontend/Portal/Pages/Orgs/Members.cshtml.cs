using Microsoft.AspNetCore.Mvc;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages.Orgs;

/// <summary>
/// The members of an organisation with their roles, and its invitations. Each row offers what the person's role may
/// do to that member (admins change members and admins, owners anyone), as the API rules it; the API checks again.
/// </summary>
public sealed class MembersModel(IGrainFactory grains, OrgScopes scopes) : OrgScopedPageModel(grains, scopes)
{
    public OrgView Org { get; private set; } = null!;

    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public string UserId => User.UserId();

    /// <summary>The roles the person may give: owners any, admins member and admin.</summary>
    public IEnumerable<OrgRole> GrantableRoles => Enum.GetValues<OrgRole>().Where(r => r <= Access.Role).OrderDescending();

    /// <summary>Whether the person may leave: the last owner may not.</summary>
    public bool MayLeave => Access.Role != OrgRole.Owner || Org.Members.Count(m => m.Role == OrgRole.Owner) > 1;

    public bool MayChange(OrgMember member) => MayManage && member.Role <= Access.Role;

    protected override async Task<IActionResult> LoadAsync()
    {
        var org = Grains.GetGrain<IOrganizationGrain>(Access.OrgId);
        if (await org.GetAsync() is not { } view)
        {
            return NotFound();
        }

        Org = view;
        Invitations = MayManage ? await org.GetInvitationsAsync(UserId) ?? [] : [];
        return Page();
    }
}
