using System.Globalization;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Apis;

/// <summary>A project's alerts for the members of its organisation: newest first, by state, a page at a time, from the project's alert index.</summary>
public static class ProjectAlertsApi
{
    /// <summary>Pages beyond this are refused: the index holds at most 10,000 alerts, 25 to a page.</summary>
    public const int MaxPage = 10_000;

    private static readonly Dictionary<string, AlertStatus> States = Enum.GetValues<AlertStatus>()
        .ToDictionary(s => s.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapProjectAlertsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{ProjectsApi.Prefix}/{{projectId}}/alerts", ListAsync).WithTags("Projects").RequireSession().RequireOrgRole(OrgRole.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .Produces<AlertPage>().ProducesValidationProblem()
            .WithName("ListProjectAlerts")
            .WithSummary("The project's alerts, newest first, 25 a page: ?state=triggered|acknowledged|exhausted|resolved&page=1; nextPage is null on the last page.")
            .WithDescription("Resolved alerts leave the list 7 days after they were resolved; each stays readable by its id.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string projectId, HttpRequest request, IGrainFactory grains)
    {
        var (status, page, problem) = ReadQuery(request.Query);
        return problem ?? TypedResults.Ok(await grains.GetGrain<IAlertIndexGrain>(projectId).GetPageAsync(status, page));
    }

    /// <summary>The list's ?state= and ?page= (page 1 when absent), or the problem with them; the portal's list reads them so too.</summary>
    public static (AlertStatus? Status, int Page, IResult? Problem) ReadQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        AlertStatus? status = null;
        if (query.TryGetValue("state", out var state))
        {
            if (state.Count != 1 || !States.TryGetValue(state[0] ?? "", out var known))
            {
                return (null, 0, AccountJson.Invalid("state", $"state is one of {string.Join(", ", States.Keys)}, given once."));
            }

            status = known;
        }

        var page = 1;
        if (query.TryGetValue("page", out var pageText)
            && (pageText.Count != 1 || pageText[0] is not { Length: > 0 and <= 5 } digits || !digits.All(char.IsAsciiDigit)
                || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            return (null, 0, AccountJson.Invalid("page", $"page is a whole number from 1 to {MaxPage}, given once."));
        }

        return (status, page, null);
    }
}
