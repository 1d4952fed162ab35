using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Orgs;

/// <summary>
/// Lets a request through when the signed-in person is a member of the organisation owning the route's id with at
/// least the given role. Anyone else hears 404, exactly as for an id that does not exist, so that ids of other
/// organisations do not leak; a member with too small a role hears 403. Runs before step-up, so that a stranger never
/// learns that an operation would need one.
/// </summary>
public sealed class OrgAccessFilter(OrgRole minimum) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        var access = await http.RequestServices.GetRequiredService<OrgScopes>().AccessOfAsync(http.Request.RouteValues, grains, http.User.UserId());
        if (access is null)
        {
            return OrgProblems.NotFound();
        }

        if (access.Role < minimum)
        {
            return OrgProblems.Result(OrgAnswer.Forbidden($"This needs the {minimum.ToString().ToLowerInvariant()} role or a higher one in the organisation."));
        }

        access.AttachTo(http);
        return await next(context);
    }
}
