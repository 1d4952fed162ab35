using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Runtime;

namespace CallPing.Grains.Alerts;

/// <summary>
/// One alert: stored at trigger, then calls the project's contacts in order (one call at a time, the policy's delay
/// between steps, the whole list Repeats times) until someone presses 1, the alert is resolved, or it is exhausted.
/// </summary>
public sealed class AlertGrain(
    [PersistentState("alert")] IPersistentState<AlertState> state,
    TimeProvider time) : Grain, IAlertGrain, IRemindable
{
    /// <summary>How often, and how far apart, the same person is tried again when no PBX could place the call.</summary>
    public const int NoPbxRetries = 3;

    public static readonly TimeSpan NoPbxRetryDelay = TimeSpan.FromSeconds(5);

    private const string NextStepReminder = "next-step";
    private const string WatchdogReminder = "watchdog";

    private AlertState Alert => state.State;

    private bool Calling => Alert.Status == AlertStatus.Triggered;

    public async Task<AlertView> TriggerAsync(AlertTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger.Summary);
        if (state.RecordExists)
        {
            return await ViewAsync();
        }

        var project = await GrainFactory.GetGrain<IProjectGrain>(trigger.ProjectId).GetAsync()
            ?? throw new ArgumentException($"Project '{trigger.ProjectId}' does not exist.", nameof(trigger));
        (Alert.ProjectId, Alert.DedupKey, Alert.Summary, Alert.Severity) = (trigger.ProjectId, trigger.DedupKey, trigger.Summary, trigger.Severity);
        (Alert.Source, Alert.DetailsJson, Alert.Origin) = (trigger.Source, trigger.DetailsJson, trigger.Origin);
        (Alert.Status, Alert.Count, Alert.CreatedAt) = (AlertStatus.Triggered, 1, time.GetUtcNow());
        (Alert.Contacts, Alert.Policy) = ([.. project.Contacts], project.Policy);
        await CallCurrentContactAsync();
        return await ViewAsync();
    }

    public async Task<AlertBrief?> RepeatAsync()
    {
        if (!state.RecordExists || Alert.Status == AlertStatus.Resolved)
        {
            return null;
        }

        Alert.Count++;
        await state.WriteStateAsync();
        return Brief();
    }

    public async Task<AlertView> AcknowledgeAsync(string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        EnsureExists();
        if (Alert.Status is AlertStatus.Triggered or AlertStatus.Exhausted)
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
        if (Alert.Status != AlertStatus.Resolved)
        {
            Alert.Status = AlertStatus.Resolved;
            Alert.ResolvedAt = time.GetUtcNow();
            Alert.Notes.Add($"resolved by {by}");
            await StopCallingAsync("resolved");
        }

        return await ViewAsync();
    }

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
                await UnregisterRemindersAsync();
                break;
            case CallResult.PassedOn:
                await AdvanceAsync();
                break;
            case CallResult.NoPbxAvailable when Alert.NoPbxRetries < NoPbxRetries:
                Alert.NoPbxRetries++;
                Alert.Notes.Add($"no PBX available for call {notice.CallId}: {notice.Detail}; trying the same person again in {NoPbxRetryDelay.TotalSeconds:0} s");
                Alert.RetrySamePerson = true;
                await state.WriteStateAsync();
                await RegisterOrUpdateReminder(NextStepReminder, NoPbxRetryDelay);
                break;
            default:
                await WaitForNextStepAsync();
                break;
        }
    }

    public async Task<AlertView?> GetAsync() => state.RecordExists ? await ViewAsync() : null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists || !Calling)
        {
            await UnregisterRemindersAsync();
            return;
        }

        if (reminderName == NextStepReminder && Alert.CurrentCallId is null)
        {
            if (Alert.RetrySamePerson)
            {
                Alert.RetrySamePerson = false;
                await CallCurrentContactAsync();
            }
            else
            {
                await AdvanceAsync();
            }
        }
        else if (reminderName == WatchdogReminder && Alert.CurrentCallId is { } callId)
        {
            // Self-healing: the call was never placed (its placing failed after the alert was stored) or its notice was lost.
            var call = await GrainFactory.GetGrain<ICallGrain>(callId).GetAsync();
            if (call.Status == CallStatus.New)
            {
                await CallCurrentContactAsync();
            }
            else if (call.Status is CallStatus.Ended or CallStatus.NoPbxAvailable)
            {
                await OnCallEndedAsync(new CallEndedNotice(GetPrimaryKeyString(), callId, call.Result ?? CallResult.NotAcknowledged, call.Outcome, "ended without notice", time.GetUtcNow()));
            }
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
            await UnregisterRemindersAsync();
            return;
        }

        await CallCurrentContactAsync();
    }

    /// <summary>Calls the contact at the current position: the alert is written first, then the call placed (idempotently).</summary>
    private async Task CallCurrentContactAsync()
    {
        var number = Alert.Contacts[Alert.ContactIndex];
        if (!await GrainFactory.GetGrain<INumberGrain>(number).TryReserveCallAsync(GetPrimaryKeyString()))
        {
            Alert.Notes.Add($"skipped {CallGrain.Mask(number)}: call limit for this number reached");
            await AdvanceAsync();
            return;
        }

        var callId = $"{GetPrimaryKeyString()}-{Alert.CallIds.Count + 1}";
        Alert.CallIds.Add(callId);
        Alert.CurrentCallId = callId;
        // The watchdog first: an alert stored with a call that was never placed must always have one to place it.
        await RegisterOrUpdateReminder(WatchdogReminder, Alert.Policy.RingTimeout + CallGrain.OutcomeGrace + TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICallGrain>(callId).PlaceAsync(new PlaceCallRequest(number, Alert.Policy.RingTimeout, GetPrimaryKeyString(), Alert.Summary));
    }

    private async Task WaitForNextStepAsync()
    {
        if (Alert.Policy.StepDelay <= TimeSpan.Zero)
        {
            await AdvanceAsync();
            return;
        }

        await state.WriteStateAsync();
        await RegisterOrUpdateReminder(NextStepReminder, Alert.Policy.StepDelay);
    }

    private async Task StopCallingAsync(string reason)
    {
        var current = Alert.CurrentCallId;
        Alert.CurrentCallId = null;
        await state.WriteStateAsync();
        if (current is not null)
        {
            await GrainFactory.GetGrain<ICallGrain>(current).CancelAsync(reason);
        }

        await UnregisterRemindersAsync();
    }

    private async Task UnregisterRemindersAsync()
    {
        foreach (var name in new[] { NextStepReminder, WatchdogReminder })
        {
            if (await GetReminder(name) is { } reminder)
            {
                await UnregisterReminder(reminder);
            }
        }
    }

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new KeyNotFoundException($"Alert {GetPrimaryKeyString()} does not exist.");
        }
    }

    private AlertBrief Brief() => new(GetPrimaryKeyString(), Alert.Status, Alert.Count);

    private async Task<AlertView> ViewAsync()
    {
        var calls = await Task.WhenAll(Alert.CallIds.Select(id => GrainFactory.GetGrain<ICallGrain>(id).GetAsync()));
        return new AlertView(GetPrimaryKeyString(), Alert.ProjectId, Alert.DedupKey, Alert.Summary, Alert.Severity, Alert.Source, Alert.DetailsJson,
            Alert.Origin, Alert.Status, Alert.Count, Alert.CreatedAt, Alert.AcknowledgedAt, Alert.AcknowledgedBy, Alert.ResolvedAt, calls);
    }
}
