using CallPing.Grains.Interfaces.Accounts;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Portal.Pages.Account;

/// <summary>The live sessions of the account, and logging out all the others.</summary>
public sealed class SessionsModel(IGrainFactory grains) : AccountPageModel(grains)
{
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    /// <summary>How many sessions the last "log out everywhere" ended, when the page shows its outcome.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public int? Ended { get; set; }

    public override async Task OnGetAsync()
    {
        await base.OnGetAsync();
        Sessions = await UserGrain.GetSessionsAsync(User.SessionId());
    }
}
