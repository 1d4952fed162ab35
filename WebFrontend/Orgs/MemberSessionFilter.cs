using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Orgs;

/// <summary>
/// For an endpoint that a project's API key and the organisation's members both use: a signed-in request without an
/// Authorization header is a member's, and gets what the portal's endpoints get (antiforgery on changes, then
/// <see cref="OrgAccessFilter"/>); any other request goes on untouched to the handler, which checks the key as it
/// always has. The handler tells the two apart by <see cref="OrgAccess.Find"/>.
/// </summary>
public sealed class MemberSessionFilter(OrgRole minimum) : IEndpointFilter
{
    private readonly AntiforgeryFilter _antiforgery = new();
    private readonly OrgAccessFilter _access = new(minimum);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.Headers.Authorization.Count > 0 || http.User.Identity?.IsAuthenticated != true)
        {
            return next(context);
        }

        return _antiforgery.InvokeAsync(context, c => _access.InvokeAsync(c, next));
    }
}
