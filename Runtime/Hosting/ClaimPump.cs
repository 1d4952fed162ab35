using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CallPing.Runtime.Activation;

namespace CallPing.Runtime.Hosting;

/// <summary>
/// A worker loop over a durable queue: claims a batch of due items, runs them in parallel, then sleeps until woken,
/// the next item is due or the poll interval passes; hands its claims over on a graceful stop. Each item's failure
/// handling (retry with back-off, never lost) is the subclass's.
/// </summary>
internal abstract class ClaimPump<TItem>(PumpOptions settings, WakeSignal wake, ILogger logger) : BackgroundService
{
    /// <summary>"reminder", "outbox": names the queue in log lines.</summary>
    protected abstract string QueueName { get; }

    protected PumpOptions Settings => settings;

    protected abstract Task<IReadOnlyList<TItem>> ClaimAsync(CancellationToken stoppingToken);

    /// <summary>Runs one item; must not throw for the item's own failures, only record and reschedule them.</summary>
    protected abstract Task RunAsync(TItem item, CancellationToken stoppingToken);

    /// <summary>Gives back every claim of this silo.</summary>
    protected abstract Task ReleaseClaimsAsync(CancellationToken cancellationToken);

    /// <summary>How long to sleep when nothing wakes the loop; at most the poll interval.</summary>
    protected virtual Task<TimeSpan> NextWaitAsync(CancellationToken stoppingToken) => Task.FromResult(settings.PollInterval);

    protected virtual Task AfterBatchAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>Hands this silo's claims over, so that a rolling update delays nothing; items are idempotent, so a second run is safe.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await ReleaseClaimsAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not hand this silo's {Queue} claims over; they expire by themselves", QueueName);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = settings.PollInterval;
            try
            {
                var claimed = await ClaimAsync(stoppingToken);
                await Task.WhenAll(claimed.Select(item => RunAsync(item, stoppingToken)));
                await AfterBatchAsync(stoppingToken);
                if (claimed.Count == settings.BatchSize)
                {
                    continue;
                }

                wait = await NextWaitAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "{Queue} scan failed; retrying in {Delay}", QueueName, settings.PollInterval);
            }

            await wake.WaitAsync(wait, stoppingToken);
        }
    }
}
