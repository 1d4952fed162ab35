using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CallPing.WebFrontend.Portal.Pages;

/// <summary>The site's root: the account for a signed-in browser, the login page for any other.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(User.Identity?.IsAuthenticated == true ? "/account" : "/login");
}
