using Microsoft.AspNetCore.Mvc;
using CallPing.Grains.Audit;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages.Orgs;

/// <summary>An organisation's audit log, newest first, a page at a time, of one kind of action or all (owners and admins).</summary>
public sealed class AuditModel(IGrainFactory grains, OrgScopes scopes) : OrgScopedPageModel(grains, scopes)
{
    private const int PageSize = 50;

    private Dictionary<string, string> _emails = [];

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public string OrgName { get; private set; } = "";

    public AuditPage Rows { get; private set; } = new([], null);

    /// <summary>A member's address in place of their user id; anything else (a departed member, a project) as it is.</summary>
    public string Who(string id) => _emails.GetValueOrDefault(id, id);

    protected override async Task<IActionResult> LoadAsync()
    {
        if (!MayManage)
        {
            return Refused("Only owners and admins of the organisation see its audit log.");
        }

        if (Kind is { Length: 0 })
        {
            Kind = null;
        }

        if (Kind is not null && !AuditActions.Kinds.Contains(Kind))
        {
            return BadRequest();
        }

        var org = await Grains.GetGrain<IOrganizationGrain>(Access.OrgId).GetAsync();
        OrgName = org?.Name ?? "";
        _emails = org?.Members.ToDictionary(m => m.UserId, m => m.Email) ?? [];
        Rows = await Grains.GetGrain<IAuditLogGrain>(Access.OrgId).GetPageAsync(Before, Math.Min(PageSize, AuditPolicy.MaxPageSize), Kind);
        return Page();
    }
}
