using System.Security.Cryptography;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Alerts;

/// <summary>
/// Intake's entry point for one (project, dedup key). Its turns run one at a time, so concurrent repeats of one
/// alert all reach the same open alert: one alert, its count going up, no new calls.
/// </summary>
public sealed class DedupGrain([PersistentState("dedup", GrainStorage.Name)] IPersistentState<DedupState> state) : Grain, IDedupGrain
{
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
        if (state.State.OpenAlertId is { } openId && await GrainFactory.GetGrain<IAlertGrain>(openId).RepeatAsync() is { } repeated)
        {
            return new IntakeResult(repeated.AlertId, alertEvent.DedupKey, repeated.Status, repeated.Count, Created: false);
        }

        // The id is stored before the alert so that a failure in between leaves a pointer to nothing, which the next trigger replaces.
        var alertId = $"a{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        state.State.OpenAlertId = alertId;
        await state.WriteStateAsync();
        var view = await GrainFactory.GetGrain<IAlertGrain>(alertId).TriggerAsync(new AlertTrigger(
            alertEvent.ProjectId, alertEvent.DedupKey, alertEvent.Summary, alertEvent.Severity, alertEvent.Source, alertEvent.DetailsJson, alertEvent.Origin));
        return new IntakeResult(alertId, alertEvent.DedupKey, view.Status, view.Count, Created: true);
    }

    private async Task<IntakeResult> ApplyAsync(AlertEvent alertEvent, Func<IAlertGrain, Task<AlertView>> apply, bool closes = false)
    {
        if (state.State.OpenAlertId is not { } openId || await GrainFactory.GetGrain<IAlertGrain>(openId).GetAsync() is null)
        {
            return new IntakeResult(null, alertEvent.DedupKey, null, 0, Created: false);
        }

        var view = await apply(GrainFactory.GetGrain<IAlertGrain>(openId));
        if (closes)
        {
            state.State.OpenAlertId = null;
            await state.WriteStateAsync();
        }

        return new IntakeResult(openId, alertEvent.DedupKey, view.Status, view.Count, Created: false);
    }
}
