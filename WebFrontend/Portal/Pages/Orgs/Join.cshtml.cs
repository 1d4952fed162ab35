using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Portal.Pages.Orgs;

/// <summary>
/// Where an invitation's mailed link leads, once signed in (a person without a session logs in or signs up first and
/// comes back): joining goes through the API, which checks the link and the address.
/// </summary>
public sealed class JoinModel(IGrainFactory grains) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The organisation the link names, to open once joined; null for a link that is no invitation's.</summary>
    public string? OrgId { get; private set; }

    public string Email { get; private set; } = "";

    public async Task OnGetAsync()
    {
        OrgId = LinkToken.TryParse(Token, out var orgId, out _) ? orgId : null;
        Email = (await grains.GetGrain<IUserGrain>(User.UserId()).GetProfileAsync())?.Email ?? "";
    }
}
