using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Grains.Interfaces.Alerts;

/// <summary>One alert's life: triggered, calling down the escalation policy, acknowledged, resolved or exhausted. Key: the alert id.</summary>
public interface IAlertGrain : IGrainWithStringKey
{
    /// <summary>Stores a new alert and starts calling. Triggering an existing alert returns it unchanged.</summary>
    Task<AlertView> TriggerAsync(AlertTrigger trigger);

    /// <summary>Absorbs a repeated trigger (count goes up, no new call); null when the alert is closed (or unknown) and a new one is needed.</summary>
    Task<AlertBrief?> RepeatAsync();

    /// <summary>Acknowledges: all calling stops. By names who (masked number, "api", a user).</summary>
    Task<AlertView> AcknowledgeAsync(string by);

    /// <summary>Resolves: all calling stops and a call in progress is hung up.</summary>
    Task<AlertView> ResolveAsync(string by);

    /// <summary>A call of this alert ended; the escalation goes on or stops accordingly. Idempotent per call.</summary>
    Task OnCallEndedAsync(CallEndedNotice notice);

    /// <summary>The alert with its call log, or null when it does not exist.</summary>
    Task<AlertView?> GetAsync();
}
