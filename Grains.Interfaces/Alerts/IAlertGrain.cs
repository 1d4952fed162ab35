using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace CallPing.Grains.Interfaces.Alerts;

/// <summary>One alert's life: triggered, calling down the escalation policy, acknowledged, resolved or exhausted. Key: the alert id.</summary>
[Alias("callping.IAlertGrain")]
public interface IAlertGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores a new alert and answers; its first call is placed right after, in the alert's next turn. Triggering an
    /// existing alert returns it unchanged.
    /// </summary>
    [Alias("Trigger")]
    Task<AlertView> TriggerAsync(AlertTrigger trigger);

    /// <summary>
    /// Intake's way in: <paramref name="events"/> triggers of one dedup key in one write. A missing alert is created from
    /// <paramref name="trigger"/> with that count (and calls after the answer); an open one counts them and calls nobody
    /// again; null when the alert is resolved and a new one is needed.
    /// </summary>
    [Alias("Raise")]
    Task<RaisedAlert?> RaiseAsync(AlertTrigger trigger, int events);

    /// <summary>Acknowledges: all calling stops. By names who (masked number, "api", a user).</summary>
    [Alias("Acknowledge")]
    Task<AlertView> AcknowledgeAsync(string by);

    /// <summary>Resolves: all calling stops and a call in progress is hung up.</summary>
    [Alias("Resolve")]
    Task<AlertView> ResolveAsync(string by);

    /// <summary>
    /// Acknowledges or resolves for a member of the organisation owning the alert's project (the portal, by session):
    /// the change and its audit row (<see cref="AuditActions.AlertAcknowledge"/>, <see cref="AuditActions.AlertResolve"/>)
    /// are stored in one write. No row when the alert was there already.
    /// </summary>
    [Alias("ChangeByMember")]
    Task<AlertView> ChangeByMemberAsync(AlertAction action, string orgId, AuditContext by);

    /// <summary>The alert's project, or null when the alert does not exist: how a request finds the organisation owning it.</summary>
    [Alias("GetProjectId"), ReadOnly]
    Task<string?> GetProjectIdAsync();

    /// <summary>
    /// A call of this alert ended; the escalation goes on or stops accordingly. Idempotent per call. One-way, so that a
    /// call telling its alert never waits on an alert that is waiting on that call; a lost notice is found by the watchdog.
    /// </summary>
    [Alias("OnCallEnded"), OneWay]
    Task OnCallEndedAsync(CallEndedNotice notice);

    /// <summary>The alert with its call log, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<AlertView?> GetAsync();
}
