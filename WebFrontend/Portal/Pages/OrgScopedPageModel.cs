using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages;

/// <summary>
/// A page about an organisation or one of its projects, found by the id in its route as the API finds it
/// (<see cref="OrgScopes"/>): a stranger gets 404, exactly as for an id that does not exist. Pages hide what the
/// person's role may not do; the API checks the role again on every change.
/// </summary>
public abstract class OrgScopedPageModel(IGrainFactory grains, OrgScopes scopes) : PageModel
{
    protected IGrainFactory Grains => grains;

    /// <summary>The organisation and the person's role in it.</summary>
    public OrgAccess Access { get; private set; } = null!;

    /// <summary>Whether the person manages the organisation's members, projects and keys (owners and admins).</summary>
    public bool MayManage => Access.Role >= OrgRole.Admin;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scopes.AccessOfAsync(RouteData.Values, grains, User.UserId()) is not { } access)
        {
            return NotFound();
        }

        Access = access;
        return await LoadAsync();
    }

    /// <summary>Why the person's role may not see this page; the page says so instead of its content, with status 403.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Reads what the page shows, once the person's access is known.</summary>
    protected abstract Task<IActionResult> LoadAsync();

    protected IActionResult Refused(string reason)
    {
        Refusal = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>A role as the pages name it.</summary>
    public static string Named(OrgRole role) => role.ToString().ToLowerInvariant();
}
