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
    ILogger<ReminderPump> logger) : ClaimPump<ReminderEntry>(options.Value, signals.Reminders, logger)
{
    protected override string QueueName => "reminder";

    protected override Task<IReadOnlyList<ReminderEntry>> ClaimAsync(int max, CancellationToken stoppingToken) =>
        table.ClaimDueAsync(silo.Id, max, Settings.ClaimDuration, stoppingToken);

    protected override Task ReleaseClaimsAsync(CancellationToken cancellationToken) => table.ReleaseClaimsAsync(silo.Id, cancellationToken);

    /// <summary>Sleeps until the next unclaimed reminder is due, so that reminders fire on time, not at the next poll.</summary>
    protected override async Task<TimeSpan> NextWaitAsync(CancellationToken stoppingToken) =>
        await table.NextDueAsync(stoppingToken) is { } next
            ? TimeSpan.FromTicks(Math.Clamp((next - time.GetUtcNow()).Ticks, 0, Settings.PollInterval.Ticks))
            : Settings.PollInterval;

    protected override async Task RunAsync(ReminderEntry reminder, CancellationToken stoppingToken)
    {
        var grain = new GrainId(reminder.GrainType, reminder.GrainKey);
        try
        {
            var status = new TickStatus(reminder.FirstDueAt, reminder.Period, reminder.DueAt);
            RuntimeMetrics.RecordReminderLag(time.GetUtcNow() - reminder.DueAt);
            await catalog.InvokeAsync(grain, g => ReceiveAsync(g, reminder.Name, status), $"ReceiveReminder({reminder.Name})")
                .WaitAsync(Settings.WorkLimit, stoppingToken);
            await table.CompleteAsync(reminder, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            var delay = Settings.Backoff(reminder.Attempts);
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
