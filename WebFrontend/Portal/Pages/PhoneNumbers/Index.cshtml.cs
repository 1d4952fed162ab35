using Microsoft.AspNetCore.Mvc.RazorPages;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Portal.Live;

namespace CallPing.WebFrontend.Portal.Pages.PhoneNumbers;

/// <summary>The signed-in person's own phone numbers: add, verify by call, test call, turn on or off, all through the API.</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<ShownPhoneNumber> Numbers { get; private set; } = [];

    public string Version => LiveVersion.Of(Numbers);

    public async Task OnGetAsync() => Numbers = await ShownPhoneNumber.ReadAsync(grains, User.UserId());
}
