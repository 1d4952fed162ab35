using Microsoft.AspNetCore.Mvc;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages.Projects;

/// <summary>
/// A project's API keys: every member sees them, owners and admins create and revoke them (through the API, which
/// checks the role again). A project outside the person's organisations is not found, as in the API.
/// </summary>
public sealed class KeysModel(IGrainFactory grains, OrgScopes scopes) : OrgScopedPageModel(grains, scopes)
{
    [BindProperty(SupportsGet = true)]
    public string ProjectId { get; set; } = "";

    public string ProjectName { get; private set; } = "";

    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    protected override async Task<IActionResult> LoadAsync()
    {
        if (await Grains.GetGrain<IProjectGrain>(ProjectId).GetAsync() is not { } view)
        {
            return NotFound();
        }

        ProjectName = view.Name;
        Keys = [.. view.ApiKeys.Where(k => !k.Revoked)];
        return Page();
    }
}
