using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.WebFrontend.Orgs;

/// <summary>The organisations of a person with their role, and which one is current: for the API's list and the portal's switcher.</summary>
public static class MyOrgs
{
    public static async Task<List<MyOrg>> ListAsync(IGrainFactory grains, string userId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var mine = await grains.GetGrain<IUserGrain>(userId).GetOrgsAsync();
        var orgs = await Task.WhenAll(mine.OrgIds.Select(async id =>
        {
            var org = grains.GetGrain<IOrganizationGrain>(id);
            return (await org.GetAsync(), await org.GetRoleAsync(userId)) is ({ } view, { } role) ? new MyOrg(id, view.Name, role, id == mine.CurrentOrgId) : null;
        }));
        return orgs.OfType<MyOrg>().ToList();
    }
}
