using Microsoft.AspNetCore.Mvc;
using CallPing.Grains.Alerts;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Models;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Portal.Live;

namespace CallPing.WebFrontend.Portal.Pages.Projects;

/// <summary>
/// One alert of a project with its call log as a timeline, for the members of the project's organisation, who may
/// acknowledge and resolve it (through the API, by session). It follows the alert live.
/// </summary>
public sealed class AlertModel(IGrainFactory grains, OrgScopes scopes) : OrgScopedPageModel(grains, scopes)
{
    /// <summary>Longer ids are no alert's, as in the API.</summary>
    private const int MaxAlertIdLength = 128;

    [BindProperty(SupportsGet = true)]
    public string ProjectId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string AlertId { get; set; } = "";

    public AlertView Alert { get; private set; } = null!;

    public string Version => LiveVersion.Of(Alert);

    /// <summary>Who acknowledged: a member by their address (the alert records their id), else as the alert records it.</summary>
    public string? AcknowledgedBy { get; private set; }

    public bool IsOpen => Alert.Status != AlertStatus.Resolved;

    public bool MayAcknowledge => Alert.Status is AlertStatus.Triggered or AlertStatus.Exhausted;

    protected override async Task<IActionResult> LoadAsync()
    {
        if (AlertId.Length > MaxAlertIdLength
            || await Grains.GetGrain<IAlertGrain>(AlertId).GetAsync() is not { } alert
            || alert.ProjectId != ProjectId)
        {
            return NotFound();
        }

        Alert = alert;
        AcknowledgedBy = alert.AcknowledgedBy;
        if (alert.AcknowledgedBy is { } by && by.StartsWith(AlertGrain.MemberActorPrefix, StringComparison.Ordinal)
            && (await Grains.GetGrain<IOrganizationGrain>(Access.OrgId).GetAsync())?.Members.FirstOrDefault(m => m.UserId == by[AlertGrain.MemberActorPrefix.Length..]) is { } member)
        {
            AcknowledgedBy = member.Email;
        }

        return Page();
    }
}
