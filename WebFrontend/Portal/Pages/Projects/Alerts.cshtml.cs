using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Apis;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Portal.Live;

namespace CallPing.WebFrontend.Portal.Pages.Projects;

/// <summary>
/// A project's alerts for the members of its organisation, newest first, a page at a time, by state as the API lists
/// them (the same query). The list follows the project's alerts live; without a script it is as fresh as its loading.
/// </summary>
public sealed class AlertsModel(IGrainFactory grains, OrgScopes scopes) : OrgScopedPageModel(grains, scopes)
{
    [BindProperty(SupportsGet = true)]
    public string ProjectId { get; set; } = "";

    public string ProjectName { get; private set; } = "";

    public AlertStatus? State { get; private set; }

    public AlertPage Alerts { get; private set; } = new([], 1, null);

    public string Version => LiveVersion.Of(Alerts);

    /// <summary>The list's address with another page (null: the state alone), keeping the state.</summary>
    public string PathOf(int? page, AlertStatus? state)
    {
        var query = new QueryBuilder();
        if (state is { } s)
        {
            query.Add("state", s.ToString().ToLowerInvariant());
        }

        if (page is { } p)
        {
            query.Add("page", p.ToString(CultureInfo.InvariantCulture));
        }

        return $"/projects/{ProjectId}/alerts{query}";
    }

    protected override async Task<IActionResult> LoadAsync()
    {
        if (await Grains.GetGrain<IProjectGrain>(ProjectId).GetAsync() is not { } project)
        {
            return NotFound();
        }

        var (state, page, problem) = ProjectAlertsApi.ReadQuery(Request.Query);
        if (problem is not null)
        {
            return BadRequest();
        }

        ProjectName = project.Name;
        State = state;
        Alerts = await Grains.GetGrain<IAlertIndexGrain>(ProjectId).GetPageAsync(state, page);
        return Page();
    }
}
