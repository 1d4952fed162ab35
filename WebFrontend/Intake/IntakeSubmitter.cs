using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Telemetry;

namespace CallPing.WebFrontend.Intake;

/// <summary>Hands validated events to their dedup grains and logs what became of them (alert ids and dedup keys only).</summary>
public static class IntakeSubmitter
{
    public const string LogCategory = "CallPing.WebFrontend.Intake";

    public static async Task<IntakeResult> SubmitAsync(IGrainFactory grains, AlertEvent alertEvent, ILogger logger)
    {
        var result = await grains.GetGrain<IDedupGrain>($"{alertEvent.ProjectId}/{alertEvent.DedupKey}").SubmitAsync(alertEvent);
        CallPingTracing.TagAlert(result.AlertId);
        // Counted once stored; an acknowledge or resolve that found no open alert stored nothing.
        if (result.AlertId is not null)
        {
            CallPingMetrics.RecordAlertReceived(alertEvent.Origin);
        }

        // Repeats are the bulk of an alert storm: only new alerts and state changes are worth an information line.
        var level = result.Created || alertEvent.Action != AlertAction.Trigger ? LogLevel.Information : LogLevel.Debug;
        using var scope = result.AlertId is null ? null : logger.BeginScope("Alert {AlertId}", result.AlertId);
        logger.Log(level, "Intake {Origin} {Action} dedup key {DedupKey} of project {ProjectId}: alert {AlertId} {Status}, count {Count}, created {Created}",
            alertEvent.Origin, alertEvent.Action, alertEvent.DedupKey, alertEvent.ProjectId, result.AlertId ?? "(none)", result.Status, result.Count, result.Created);
        return result;
    }
}
