using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CallPing.Runtime.Activation;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Metrics;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Reminders;

/// <summary>Worker module: claims due reminders and delivers each as a turn of its grain; failures are retried, never dropped.</summary>
internal sealed class ReminderPump(
    IReminderTable table,
    GrainCatalog catalog,
    SiloIdentity silo,
    RuntimeSignals signals,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderPump> logger) : BackgroundService
{
    /// <summary>Hands this silo's claims over on a graceful stop, so that a rolling update delays no reminder.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await table.ReleaseClaimsAsync(silo.Id, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not hand this silo's reminder claims over; they expire by themselves");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = settings.PollInterval;
            try
            {
                var claimed = await table.ClaimDueAsync(silo.Id, settings.BatchSize, settings.ClaimDuration, stoppingToken);
                await Task.WhenAll(claimed.Select(r => DeliverAsync(r, settings, stoppingToken)));
                if (claimed.Count == settings.BatchSize)
                {
                    continue;
                }

                if (await table.NextDueAsync(stoppingToken) is { } next)
                {
                    wait = TimeSpan.FromTicks(Math.Clamp((next - time.GetUtcNow()).Ticks, 0, settings.PollInterval.Ticks));
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reminder scan failed; retrying in {Delay}", settings.PollInterval);
            }

            await signals.Reminders.WaitAsync(wait, stoppingToken);
        }
    }

    private async Task DeliverAsync(ReminderEntry reminder, ReminderOptions settings, CancellationToken stoppingToken)
    {
        var grain = new GrainId(reminder.GrainType, reminder.GrainKey);
        try
        {
            var status = new TickStatus(reminder.FirstDueAt, reminder.Period, reminder.DueAt);
            RuntimeMetrics.RecordReminderLag(time.GetUtcNow() - reminder.DueAt);
            await catalog.InvokeAsync(grain, g => ReceiveAsync(g, reminder.Name, status), $"ReceiveReminder({reminder.Name})")
                .WaitAsync(settings.WorkLimit, stoppingToken);
            await table.CompleteAsync(reminder, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            var delay = settings.Backoff(reminder.Attempts);
            logger.LogWarning(e, "Reminder {Reminder} of {Grain} failed (attempt {Attempt}); retrying in {Delay}", reminder.Name, grain, reminder.Attempts, delay);
            try
            {
                await table.RetryAsync(reminder, silo.Id, delay, stoppingToken);
            }
            catch (Exception retryError) when (!stoppingToken.IsCancellationRequested)
            {
                // The claim expires by itself, and then the reminder is delivered again.
                logger.LogWarning(retryError, "Could not reschedule reminder {Reminder} of {Grain}", reminder.Name, grain);
            }
        }
    }

    private static async Task<object?> ReceiveAsync(Grain grain, string name, TickStatus status)
    {
        if (grain is not IRemindable remindable)
        {
            throw new InvalidOperationException($"{grain.GetType().Name} has a reminder '{name}' but does not implement IRemindable.");
        }

        await remindable.ReceiveReminder(name, status);
        return null;
    }
}
