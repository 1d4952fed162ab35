using Microsoft.AspNetCore.Mvc;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages.Orgs;

/// <summary>An organisation: its projects, and creating one (owners and admins).</summary>
public sealed class OrgModel(IGrainFactory grains, OrgScopes scopes) : OrgScopedPageModel(grains, scopes)
{
    public OrgView Org { get; private set; } = null!;

    public IReadOnlyList<ProjectView> Projects { get; private set; } = [];

    protected override async Task<IActionResult> LoadAsync()
    {
        if (await Grains.GetGrain<IOrganizationGrain>(Access.OrgId).GetAsync() is not { } org)
        {
            return NotFound();
        }

        Org = org;
        var projects = await Task.WhenAll(org.ProjectIds.Select(id => Grains.GetGrain<IProjectGrain>(id).GetAsync()));
        Projects = [.. projects.OfType<ProjectView>().OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
        return Page();
    }
}
