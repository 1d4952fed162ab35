using Microsoft.AspNetCore.Mvc.RazorPages;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages.Orgs;

/// <summary>The person's organisations, and creating one.</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<MyOrg> Orgs { get; private set; } = [];

    public async Task OnGetAsync() => Orgs = await MyOrgs.ListAsync(grains, User.UserId());
}
