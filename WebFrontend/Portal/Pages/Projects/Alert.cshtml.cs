using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Portal.Live;

namespace CallPing.WebFrontend.Portal.Pages.Projects;

/// <summary>
/// One alert of a project with its call log as a timeline, for the members of the project's organisation, who may
/// acknowledge and resolve it (through the API, by session). It follows the alert live.
/// </summary>
public sealed class AlertModel(IGrainFactory grains) : PageModel
{
    /// <summary>Longer ids are no alert's, as in the API.</summary>
    private const int MaxAlertIdLength = 128;

    [BindProperty(SupportsGet = true)]
    public string ProjectId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string AlertId { get; set; } = "";

    public AlertView Alert { get; private set; } = null!;

    public string Version => LiveVersion.Of(Alert);

    public bool IsOpen => Alert.Status != AlertStatus.Resolved;

    public bool MayAcknowledge => Alert.Status is AlertStatus.Triggered or AlertStatus.Exhausted;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ProjectAccess.RoleAsync(grains, ProjectId, User.UserId()) is null
            || AlertId.Length > MaxAlertIdLength
            || await grains.GetGrain<IAlertGrain>(AlertId).GetAsync() is not { } alert
            || alert.ProjectId != ProjectId)
        {
            return NotFound();
        }

        Alert = alert;
        return Page();
    }
}
