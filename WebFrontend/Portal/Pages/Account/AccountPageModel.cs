using Microsoft.AspNetCore.Mvc.RazorPages;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Portal.Pages.Account;

/// <summary>
/// A page of the signed-in person's account. Pages read what they show from the same grains the JSON API reads;
/// every change goes through the API (portal.js), so the rules live in one place.
/// </summary>
public abstract class AccountPageModel(IGrainFactory grains) : PageModel
{
    public UserProfile Profile { get; private set; } = null!;

    protected IUserGrain UserGrain => grains.GetGrain<IUserGrain>(User.UserId());

    public virtual async Task OnGetAsync() => Profile = (await UserGrain.GetProfileAsync())!;

    /// <summary>A time as the pages show it: UTC, to the minute, the same for every reader.</summary>
    public static string Shown(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
