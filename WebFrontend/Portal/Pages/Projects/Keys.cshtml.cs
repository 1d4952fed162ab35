using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Portal.Pages.Projects;

/// <summary>
/// A project's API keys: every member sees them, owners and admins create and revoke them (through the API, which
/// checks the role again). A project outside the person's organisations is not found, as in the API.
/// </summary>
public sealed class KeysModel(IGrainFactory grains) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string ProjectId { get; set; } = "";

    public string ProjectName { get; private set; } = "";

    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    /// <summary>Whether the person may create and revoke keys (owners and admins).</summary>
    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var role = await ProjectAccess.RoleAsync(grains, ProjectId, User.UserId());
        if (role is null || await grains.GetGrain<IProjectGrain>(ProjectId).GetAsync() is not { } view)
        {
            return NotFound();
        }

        ProjectName = view.Name;
        Keys = [.. view.ApiKeys.Where(k => !k.Revoked)];
        MayManage = role >= OrgRole.Admin;
        return Page();
    }
}
