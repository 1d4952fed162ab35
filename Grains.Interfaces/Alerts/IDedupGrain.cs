using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Interfaces.Alerts;

/// <summary>Intake's entry point: the open alert of one (project, dedup key). Key: "{projectId}/{dedupKey}".</summary>
[Alias("callping.IDedupGrain")]
public interface IDedupGrain : IGrainWithStringKey
{
    /// <summary>
    /// Trigger: the open alert absorbs it, or a new alert is created. Acknowledge / resolve: applied to the open alert,
    /// or nothing happens when there is none. The answer comes after the alert is durably stored.
    /// </summary>
    [Alias("Submit")]
    Task<IntakeResult> SubmitAsync(AlertEvent alertEvent);
}
