using System.Diagnostics;
using CallPing.Grains.Audit;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Projects;
using CallPing.Grains.Speech;
using CallPing.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallPing.Grains.Alerts;

/// <summary>
/// One alert: stored at trigger, then calls the project's contacts in order (one call at a time, the policy's delay
/// between steps, the whole list Repeats times) until someone presses 1, the alert is resolved, or it is exhausted.
/// The wait between steps is a timer (re-armed from state on activation); a watchdog reminder brings an unfinished
/// alert back after a crash and finds a call whose end notice was lost. After each change of status the project's
/// alert index is told, in a turn of its own (so never on intake's path), and the watchdog stays until it has been.
/// </summary>
public sealed partial class AlertGrain(
    [PersistentState("alert", GrainStorage.Name)] IPersistentState<AlertState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    MediaUrls mediaUrls,
    NumberKeys numberKeys,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IRemindable
{
    /// <summary>How often, and how far apart, the same person is tried again when no PBX could place the call.</summary>
    public const int NoPbxRetries = 3;

    public static readonly TimeSpan NoPbxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>How often the watchdog looks at an unfinished alert: the reminder service's minimum period.</summary>
    public static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How much of the summary the project's list keeps: a line; the alert itself has all of it.</summary>
    public const int ListedSummaryLength = 200;

    /// <summary>Who resolved an alert whose project was deleted.</summary>
    public const string ProjectDeletedActor = "project deletion";

    /// <summary>How a member's acknowledgement or resolution names its actor: this, then the member's user id.</summary>
    public const string MemberActorPrefix = "member ";

    private const string WatchdogReminder = "watchdog";

    private IGrainTimer? _nextStep;

    /// <summary>The one-shot timer that reports to the index and the audit log (<see cref="ReportAsync"/>).</summary>
    private IGrainTimer? _report;

    /// <summary>Whether this activation registered the watchdog: a new call need not register it again.</summary>
    private bool _watchdogRegistered;

    private AlertState Alert => state.State;

    private bool Calling => Alert.Status == AlertStatus.Triggered;

    private string AlertId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Waiting between steps, or stored before its first call was placed (the silo died right after the answer).
        if (state.RecordExists && Calling && Alert.CurrentCallId is null && (Alert.NextStepAt is not null || Alert.CallIds.Count == 0))
        {
            ArmNextStep((Alert.NextStepAt ?? time.GetUtcNow()) - time.GetUtcNow());
        }

        if (state.RecordExists && Unreported)
        {
            ReportSoon();
        }

        return Task.CompletedTask;
    }

    public async Task<AlertView> TriggerAsync(AlertTrigger trigger)
    {
        Validate(trigger);
        if (!state.RecordExists)
        {
            await CreateAsync(trigger, events: 1);
        }

        return await ViewAsync();
    }

    public async Task<RaisedAlert?> RaiseAsync(AlertTrigger trigger, int events)
    {
        Validate(trigger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        if (!state.RecordExists)
        {
            await CreateAsync(trigger, events);
            return new RaisedAlert(AlertId, Alert.Status, Alert.Count, Created: true);
        }

        if (Alert.Status == AlertStatus.Resolved)
        {
            return null;
        }

        Alert.Count += events;
        await state.WriteStateAsync();
        return new RaisedAlert(AlertId, Alert.Status, Alert.Count, Created: false);
    }

    public async Task<AlertView> AcknowledgeAsync(string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        EnsureExists();
        if (WouldChange(AlertAction.Acknowledge))
        {
            Alert.Status = AlertStatus.Acknowledged;
            (Alert.AcknowledgedAt, Alert.AcknowledgedBy) = (time.GetUtcNow(), by);
            await StopCallingAsync("acknowledged");
        }

        return await ViewAsync();
    }

    public async Task<AlertView> ResolveAsync(string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        EnsureExists();
        if (WouldChange(AlertAction.Resolve))
        {
            Alert.Status = AlertStatus.Resolved;
            Alert.ResolvedAt = time.GetUtcNow();
            Alert.Notes.Add($"resolved by {by}");
            await StopCallingAsync("resolved");
        }

        return await ViewAsync();
    }

    public async Task<AlertView> ChangeByMemberAsync(AlertAction action, string orgId, AuditContext by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        ArgumentNullException.ThrowIfNull(by);
        var auditAction = action switch
        {
            AlertAction.Acknowledge => AuditActions.AlertAcknowledge,
            AlertAction.Resolve => AuditActions.AlertResolve,
            _ => throw new ArgumentException($"A member cannot {action} an alert.", nameof(action)),
        };
        EnsureExists();
        if (WouldChange(action))
        {
            // Stored by the change's own write below: both stand, or neither.
            Alert.PendingAudit.Add(AuditOutbox.Entry(orgId, by, auditAction, AlertId, time.GetUtcNow(), Alert.ProjectId));
        }

        var actor = MemberActorPrefix + by.ActorUserId;
        var view = action == AlertAction.Acknowledge ? await AcknowledgeAsync(actor) : await ResolveAsync(actor);
        // Forwarded now so that the row is in the log when the member hears the answer; should this fail, the report retries.
        await AuditOutbox.ForwardAsync(GrainFactory, Alert.PendingAudit);
        return view;
    }

    public Task<string?> GetProjectIdAsync() => Task.FromResult(state.RecordExists ? Alert.ProjectId : null);

    public async Task OnCallEndedAsync(CallEndedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!state.RecordExists || !Calling || notice.CallId != Alert.CurrentCallId)
        {
            return;
        }

        Alert.CurrentCallId = null;
        switch (notice.Result)
        {
            case CallResult.Acknowledged:
                Alert.Status = AlertStatus.Acknowledged;
                (Alert.AcknowledgedAt, Alert.AcknowledgedBy) = (notice.At, notice.Detail ?? "phone");
                await state.WriteStateAsync();
                ReportSoon();
                break;
            case CallResult.PassedOn:
                await AdvanceAsync();
                break;
            case CallResult.NoPbxAvailable when Alert.NoPbxRetries < NoPbxRetries:
                Alert.NoPbxRetries++;
                Alert.Notes.Add($"no PBX available for call {notice.CallId}: {notice.Detail}; trying the same person again in {NoPbxRetryDelay.TotalSeconds:0} s");
                Alert.RetrySamePerson = true;
                await WaitForNextStepAsync(NoPbxRetryDelay);
                break;
            default:
                await WaitForNextStepAsync(Alert.Policy.StepDelay);
                break;
        }
    }

    public async Task<AlertView?> GetAsync() => state.RecordExists ? await ViewAsync() : null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await UnregisterRemindersAsync();
            return;
        }

        if (!Calling)
        {
            // Finished, but not yet reported (a crash came between): the report ends the watchdog once it is through.
            await ReportAsync();
            return;
        }

        if (Unreported)
        {
            ReportSoon();
        }

        if (Alert.CurrentCallId is not { } callId)
        {
            // Waiting between steps (or for the first call): the activation armed the timer; a step long overdue runs now.
            if (Alert.NextStepAt is null || Alert.NextStepAt <= time.GetUtcNow() - WatchdogPeriod)
            {
                await TakeNextStepAsync();
            }

            return;
        }

        // Self-healing: the call was never placed (placing it failed after the alert was stored) or its notice was lost.
        // Asking for the call also activates it again after a crash, which re-arms its timers: it has no watchdog of its own.
        var call = await GrainFactory.GetGrain<ICallGrain>(callId).GetAsync();
        if (call.Status == CallStatus.New)
        {
            await GrainFactory.GetGrain<ICallGrain>(callId).PlaceAsync(PlaceRequest(Alert.Contacts[Alert.ContactIndex]));
        }
        else if (call.Status is CallStatus.Ended or CallStatus.NoPbxAvailable)
        {
            await OnCallEndedAsync(new CallEndedNotice(AlertId, callId, call.Result ?? CallResult.NotAcknowledged, call.Outcome, "ended without notice", time.GetUtcNow()));
        }
    }

    private async Task TakeNextStepAsync()
    {
        if (!Calling || Alert.CurrentCallId is not null)
        {
            return;
        }

        Alert.NextStepAt = null;
        if (Alert.Contacts.Count == 0)
        {
            // An organisation's project may have no contacts yet, or none whose number can be called now: nobody to call.
            Alert.Status = AlertStatus.Exhausted;
            Alert.Notes.Add("nobody to call: the project has no contacts");
            await state.WriteStateAsync();
            ReportSoon();
            return;
        }

        if (Alert.RetrySamePerson || Alert.CallIds.Count == 0)
        {
            Alert.RetrySamePerson = false;
            await CallCurrentContactAsync();
        }
        else
        {
            await AdvanceAsync();
        }
    }

    /// <summary>Moves to the next contact (or round); marks the alert exhausted after the last repeat.</summary>
    private async Task AdvanceAsync()
    {
        Alert.NoPbxRetries = 0;
        Alert.ContactIndex++;
        if (Alert.ContactIndex >= Alert.Contacts.Count)
        {
            (Alert.ContactIndex, Alert.Round) = (0, Alert.Round + 1);
        }

        if (Alert.Round >= Alert.Policy.Repeats)
        {
            Alert.Status = AlertStatus.Exhausted;
            Alert.Notes.Add($"exhausted after {Alert.Policy.Repeats} rounds over {Alert.Contacts.Count} contacts");
            await state.WriteStateAsync();
            ReportSoon();
            return;
        }

        await CallCurrentContactAsync();
    }

    /// <summary>Calls the contact at the current position: the alert is written once the call is placed (idempotently).</summary>
    private async Task CallCurrentContactAsync()
    {
        var number = Alert.Contacts[Alert.ContactIndex];
        if (!await (await numberKeys.GrainOfAsync(number)).TryReserveCallAsync(AlertId))
        {
            Alert.Notes.Add($"skipped {CallGrain.Mask(number)}: call limit for this number reached");
            await AdvanceAsync();
            return;
        }

        var callId = $"{AlertId}-{Alert.CallIds.Count + 1}";
        Alert.CallIds.Add(callId);
        Alert.CurrentCallId = callId;
        // The watchdog first: an alert stored with a call that was never placed must always have one to place it.
        await EnsureWatchdogAsync();
        // The dial first, the alert's write after it, so that the write does not delay the ring: on SQLite each write
        // waits for the one before it. Should the write be lost, the call id follows from the stored calls again, and
        // placing that call again is idempotent.
        try
        {
            await GrainFactory.GetGrain<ICallGrain>(callId).PlaceAsync(PlaceRequest(number));
        }
        finally
        {
            await state.WriteStateAsync();
        }
    }

    private PlaceCallRequest PlaceRequest(string number) => new(number, Alert.Policy.RingTimeout, AlertId, Alert.Summary, Alert.Prompts);

    /// <summary>Stores when the next step is due and arms its timer; a new activation re-arms it from the stored time.</summary>
    private async Task WaitForNextStepAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            await TakeNextStepAsync();
            return;
        }

        Alert.NextStepAt = time.GetUtcNow() + delay;
        await state.WriteStateAsync();
        ArmNextStep(delay);
    }

    private void ArmNextStep(TimeSpan delay)
    {
        _nextStep?.Dispose();
        _nextStep = this.RegisterGrainTimer(_ => TakeNextStepAsync(), TimeSpan.FromTicks(Math.Max(0, delay.Ticks)), Timeout.InfiniteTimeSpan);
    }

    private async Task StopCallingAsync(string reason)
    {
        var current = Alert.CurrentCallId;
        Alert.CurrentCallId = null;
        Alert.NextStepAt = null;
        _nextStep?.Dispose();
        // The watchdog stays (or comes back, for an alert acknowledged before) until the index has the new status;
        // side by side with the write, so that it adds no wait to intake's answer to a resolve.
        await Task.WhenAll(state.WriteStateAsync(), EnsureWatchdogAsync());
        ReportSoon();
        if (current is not null)
        {
            await GrainFactory.GetGrain<ICallGrain>(current).CancelAsync(reason);
        }
    }

    private bool WouldChange(AlertAction action) => action == AlertAction.Acknowledge
        ? Alert.Status is AlertStatus.Triggered or AlertStatus.Exhausted
        : Alert.Status != AlertStatus.Resolved;

    /// <summary>Whether the index lacks the alert's status, or an audit row waits to be forwarded.</summary>
    private bool Unreported => Alert.IndexedStatus != Alert.Status || Alert.PendingAudit.Count > 0;

    /// <summary>Reports in a turn of its own, after the current one has answered.</summary>
    private void ReportSoon()
    {
        if (_report is null)
        {
            _report = this.RegisterGrainTimer(_ => ReportAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _report.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Forwards pending audit rows and tells the project's index the alert's status, both idempotent; once an alert that
    /// calls nobody any more is reported, its watchdog goes. A failure keeps the watchdog, which reports again.
    /// </summary>
    private async Task ReportAsync()
    {
        try
        {
            await AuditOutbox.ForwardAsync(GrainFactory, Alert.PendingAudit);
            var status = Alert.Status;
            if (Alert.IndexedStatus != status)
            {
                if (!await GrainFactory.GetGrain<IAlertIndexGrain>(Alert.ProjectId).PutAsync(Listing()))
                {
                    // Raised while its project was being deleted: nobody is to be called for it (this reports again).
                    await ResolveAsync(ProjectDeletedActor);
                    return;
                }

                Alert.IndexedStatus = status;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReportFailed(e, AlertId);
            await EnsureWatchdogAsync();
            return;
        }

        if (!Calling)
        {
            await UnregisterRemindersAsync();
        }
    }

    private AlertListing Listing() => new(
        AlertId, Alert.Summary.Length <= ListedSummaryLength ? Alert.Summary : Alert.Summary[..ListedSummaryLength],
        Alert.Severity, Alert.Status, Alert.CreatedAt, Alert.ResolvedAt ?? Alert.AcknowledgedAt ?? Alert.CreatedAt);

    /// <summary>
    /// Stores the alert and registers its watchdog side by side: both are durable before intake answers, so an alert
    /// accepted just before a crash is still called. The first call is placed in the alert's next turn, after the answer.
    /// </summary>
    private async Task CreateAsync(AlertTrigger trigger, int events)
    {
        var project = await GrainFactory.GetGrain<IProjectGrain>(trigger.ProjectId).GetEscalationAsync()
            ?? throw new ArgumentException($"Project '{trigger.ProjectId}' does not exist.", nameof(trigger));
        (Alert.ProjectId, Alert.DedupKey, Alert.Summary, Alert.Severity) = (trigger.ProjectId, trigger.DedupKey, trigger.Summary, trigger.Severity);
        (Alert.Source, Alert.DetailsJson, Alert.Origin) = (trigger.Source, trigger.DetailsJson, trigger.Origin);
        (Alert.Status, Alert.Count, Alert.CreatedAt) = (AlertStatus.Triggered, events, time.GetUtcNow());
        (Alert.Contacts, Alert.Policy) = ([.. project.Contacts], project.Policy);
        Alert.Prompts = PromptTexts.For(project.Name, trigger.Severity, trigger.Summary, project.Speech ?? ProjectSpeech.Default);
        await CopyMemberNumbersAsync(project.MemberContacts ?? []);
        await Task.WhenAll(state.WriteStateAsync(), EnsureWatchdogAsync());
        var createdIn = Activity.Current?.Context ?? default;
        _nextStep?.Dispose();
        _nextStep = this.RegisterGrainTimer(_ => PlaceFirstCallAsync(createdIn), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Copies the members' numbers that may be called now (verified and active), in order; the others are noted with why.</summary>
    private async Task CopyMemberNumbersAsync(IReadOnlyList<PolicyContact> contacts)
    {
        var numbers = await Task.WhenAll(contacts.Select(c => GrainFactory.GetGrain<IUserGrain>(c.UserId).GetCallableNumberAsync(c.PhoneNumberId)));
        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i].Number is { } number)
            {
                Alert.Contacts.Add(number);
            }
            else
            {
                Alert.Notes.Add($"skipped contact {i + 1}: {numbers[i].SkipReason}");
            }
        }
    }

    /// <summary>The first call, in a turn of its own after intake's answer, traced as part of the request that raised the alert.</summary>
    private async Task PlaceFirstCallAsync(ActivityContext createdIn)
    {
        // Runs after this turn: the first call goes first.
        ReportSoon();
        using (CallPingTracing.StartFirstCall(AlertId, createdIn))
        {
            await TakeNextStepAsync();
        }

        PrepareSpeech();
    }

    /// <summary>
    /// Starts rendering what the calls will say while the first one rings: after its dial, so that it never delays a
    /// dial, and without waiting, as the speech grain renders off its turns. Identical alerts share one rendering.
    /// </summary>
    private void PrepareSpeech()
    {
        // Without Pbx:MediaBaseUrl the calls play the PBX's own sounds: nothing to render.
        if (Alert.Prompts is not { } prompts || !mediaUrls.Enabled)
        {
            return;
        }

        foreach (var speech in new[] { prompts.Alert, prompts.Acknowledged, prompts.PassedOn })
        {
            GrainFactory.GetGrain<ISpeechGrain>(SpeechKey.Of(speech)).PrepareAsync(speech).Ignore();
        }
    }

    private async Task EnsureWatchdogAsync()
    {
        if (!_watchdogRegistered)
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, Alert.Policy.RingTimeout + CallGrain.OutcomeGrace + TimeSpan.FromSeconds(30), WatchdogPeriod);
            _watchdogRegistered = true;
        }
    }

    private async Task UnregisterRemindersAsync()
    {
        _watchdogRegistered = false;
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static void Validate(AlertTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger.Summary);
    }

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new KeyNotFoundException($"Alert {AlertId} does not exist.");
        }
    }

    private async Task<AlertView> ViewAsync()
    {
        var calls = await Task.WhenAll(Alert.CallIds.Select(id => GrainFactory.GetGrain<ICallGrain>(id).GetAsync()));
        return new AlertView(AlertId, Alert.ProjectId, Alert.DedupKey, Alert.Summary, Alert.Severity, Alert.Source, Alert.DetailsJson,
            Alert.Origin, Alert.Status, Alert.Count, Alert.CreatedAt, Alert.AcknowledgedAt, Alert.AcknowledgedBy, Alert.ResolvedAt, calls, [.. Alert.Notes]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId}: reporting to its project's index or audit log failed; its watchdog tries again")]
    private partial void LogReportFailed(Exception exception, string alertId);
}
