using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Apis;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Portal.Pages.PhoneNumbers;

namespace CallPing.WebFrontend.Portal.Live;

/// <summary>
/// The feeds of the portal's live regions, checked as the API's reads are (a session; a member of the organisation
/// owning the id, else 404). Each sends the version of what its page region shows, read as the page reads it. They
/// are the pages' plumbing, not API operations, so they stay out of the OpenAPI document, as the pages do.
/// </summary>
public static class LiveFeeds
{
    public const string Prefix = "/live";

    public static IEndpointRouteBuilder MapLiveFeeds(this IEndpointRouteBuilder endpoints)
    {
        var live = endpoints.MapGroup(Prefix).RequireSession().ExcludeFromDescription();
        live.MapGet("/phone-numbers", (HttpContext context, IGrainFactory grains) =>
            LiveFeed.StreamAsync(context, () => ShownPhoneNumber.ReadAsync(grains, context.User.UserId())));
        live.MapGet("/projects/{projectId}/alerts", (string projectId, HttpContext context, IGrainFactory grains) =>
            {
                var (status, page, problem) = ProjectAlertsApi.ReadQuery(context.Request.Query);
                return problem is not null
                    ? problem.ExecuteAsync(context)
                    : LiveFeed.StreamAsync(context, () => grains.GetGrain<IAlertIndexGrain>(projectId).GetPageAsync(status, page));
            })
            .RequireOrgRole(OrgRole.Member);
        live.MapGet("/alerts/{alertId}", (string alertId, HttpContext context, IGrainFactory grains) =>
                LiveFeed.StreamAsync(context, () => grains.GetGrain<IAlertGrain>(alertId).GetAsync()))
            .RequireOrgRole(OrgRole.Member);
        return endpoints;
    }
}
