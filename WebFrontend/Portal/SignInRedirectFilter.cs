using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CallPing.WebFrontend.Portal;

/// <summary>
/// Sends a browser without a live session to the login page, which brings it back here afterwards. The API answers
/// such a request with 401 problem+json; a person following a link or a bookmark needs the login form instead.
/// </summary>
public sealed class SignInRedirectFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            var request = context.HttpContext.Request;
            context.Result = new RedirectResult($"/login?next={Uri.EscapeDataString(request.Path + request.QueryString)}");
            return;
        }

        await next();
    }
}
