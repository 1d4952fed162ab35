using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace CallPing.Grains.Alerts;

/// <summary>
/// Intake's entry point for one (project, dedup key). Reentrant, so that a storm of repeats does not queue one write
/// at a time: triggers that arrive while one batch is being written to the alert wait together and go as the next
/// batch, one write for all of them, each answered after the write that counts it. The current alert's id follows
/// from the stored generation, so a new alert costs one write, the alert's own; closing an alert moves the generation on.
/// </summary>
[Reentrant]
public sealed class DedupGrain([PersistentState("dedup", GrainStorage.Name)] IPersistentState<DedupState> state) : Grain, IDedupGrain
{
    /// <summary>The batch new triggers join, waiting for the batch in flight; null when none waits.</summary>
    private TriggerBatch? _open;

    /// <summary>The last batch's send; it never fails (its triggers get the error).</summary>
    private Task _lastSend = Task.CompletedTask;
    private Task _lastWrite = Task.CompletedTask;

    private string CurrentAlertId => AlertIds.For(this.GetPrimaryKeyString(), state.State.Generation);

    public async Task<IntakeResult> SubmitAsync(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        if (this.GetPrimaryKeyString() != $"{alertEvent.ProjectId}/{alertEvent.DedupKey}")
        {
            throw new ArgumentException("The event does not belong to this project and dedup key.", nameof(alertEvent));
        }

        return alertEvent.Action switch
        {
            AlertAction.Trigger => await TriggerAsync(alertEvent),
            AlertAction.Acknowledge => await ApplyAsync(alertEvent, alert => alert.AcknowledgeAsync($"{alertEvent.Origin} event")),
            AlertAction.Resolve => await ApplyAsync(alertEvent, alert => alert.ResolveAsync($"{alertEvent.Origin} event"), closes: true),
            _ => throw new ArgumentException($"Unknown action {alertEvent.Action}.", nameof(alertEvent)),
        };
    }

    private async Task<IntakeResult> TriggerAsync(AlertEvent alertEvent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertEvent.Summary);
        var batch = _open ??= new TriggerBatch(new AlertTrigger(
            alertEvent.ProjectId, alertEvent.DedupKey, alertEvent.Summary, alertEvent.Severity, alertEvent.Source, alertEvent.DetailsJson, alertEvent.Origin));
        var position = batch.Add();
        if (position == 0)
        {
            _lastSend = SendAfterAsync(_lastSend, batch);
        }

        var raised = await batch.Raised;
        return new IntakeResult(raised.AlertId, alertEvent.DedupKey, raised.Status, raised.Count, Created: raised.Created && position == 0);
    }

    /// <summary>Sends a batch once the one before it is written; from then on, new triggers gather in the next batch.</summary>
    private async Task SendAfterAsync(Task previous, TriggerBatch batch)
    {
        await previous;
        if (_open == batch)
        {
            _open = null;
        }

        try
        {
            batch.Complete(await RaiseAsync(batch));
        }
        catch (Exception e)
        {
            batch.Fail(e);
        }
    }

    /// <summary>Counts the batch on the current alert; when that alert is resolved, on the next one.</summary>
    private async Task<RaisedAlert> RaiseAsync(TriggerBatch batch)
    {
        while (true)
        {
            var alertId = CurrentAlertId;
            if (await GrainFactory.GetGrain<IAlertGrain>(alertId).RaiseAsync(batch.First, batch.Events) is { } raised)
            {
                return raised;
            }

            await CloseAsync(alertId);
        }
    }

    private async Task<IntakeResult> ApplyAsync(AlertEvent alertEvent, Func<IAlertGrain, Task<AlertView>> apply, bool closes = false)
    {
        // Triggers that came before this event are written first: a resolve must not overtake them and let them open a new alert.
        await _lastSend;
        var alertId = CurrentAlertId;
        var alert = GrainFactory.GetGrain<IAlertGrain>(alertId);
        if (await alert.GetAsync() is null)
        {
            return new IntakeResult(null, alertEvent.DedupKey, null, 0, Created: false);
        }

        var view = await apply(alert);
        if (closes)
        {
            await CloseAsync(alertId);
        }

        return new IntakeResult(alertId, alertEvent.DedupKey, view.Status, view.Count, Created: false);
    }

    /// <summary>
    /// Moves on from a resolved alert, once however many turns saw it resolved. Should the write be lost, the stored
    /// generation still names the resolved alert, and the next trigger moves on again to the same next alert.
    /// </summary>
    private async Task CloseAsync(string alertId)
    {
        if (CurrentAlertId == alertId)
        {
            state.State.Generation++;
            // One write at a time: turns interleave here, and two writes in flight would carry the same ETag.
            _lastWrite = WriteAfterAsync(_lastWrite);
        }

        await _lastWrite;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        await previous.ContinueWith(static _ => { }, TaskScheduler.Current);
        await state.WriteStateAsync();
    }
}
