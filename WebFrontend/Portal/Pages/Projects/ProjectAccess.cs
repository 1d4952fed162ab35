using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages.Projects;

/// <summary>What a project's pages ask first: the person's role in the organisation owning the project, as the API's access filter does.</summary>
public static class ProjectAccess
{
    /// <summary>The role, or null when the project is not one of the person's organisations' (the page is then not found).</summary>
    public static async Task<OrgRole?> RoleAsync(IGrainFactory grains, string projectId, string userId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(projectId);
        var orgId = projectId.Length <= OrgScopes.MaxIdLength ? await grains.GetGrain<IProjectGrain>(projectId).GetOrgIdAsync() : null;
        return orgId is null ? null : await grains.GetGrain<IOrganizationGrain>(orgId).GetRoleAsync(userId);
    }
}
