using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CallPing.Runtime.Activation;

namespace CallPing.Runtime.Hosting;

/// <summary>
/// A worker loop over a durable queue: keeps up to BatchSize items running, claims more as soon as slots free up
/// (so one slow item never holds up the others), sleeps until woken, the next item is due or the poll interval
/// passes, and hands its claims over on a graceful stop. Each item's failure handling (retry with back-off, never
/// lost) is the subclass's.
/// </summary>
internal abstract class ClaimPump<TItem>(PumpOptions settings, WakeSignal wake, ILogger logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly SemaphoreSlim _slots = new(settings.BatchSize, settings.BatchSize);

    /// <summary>"reminder", "outbox": names the queue in log lines.</summary>
    protected abstract string QueueName { get; }

    protected PumpOptions Settings => settings;

    /// <summary>Claims up to <paramref name="max"/> due items for this silo.</summary>
    protected abstract Task<IReadOnlyList<TItem>> ClaimAsync(int max, CancellationToken stoppingToken);

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
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = settings.PollInterval;
                try
                {
                    var free = _slots.CurrentCount;
                    if (free > 0)
                    {
                        var claimed = await ClaimAsync(free, stoppingToken);
                        foreach (var item in claimed)
                        {
                            await _slots.WaitAsync(stoppingToken);
                            Track(RunInSlotAsync(item, stoppingToken));
                        }

                        await AfterBatchAsync(stoppingToken);
                        if (claimed.Count == free)
                        {
                            // Maybe more is due: claim again at once (or as soon as a slot frees up).
                            continue;
                        }

                        wait = await NextWaitAsync(stoppingToken);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "{Queue} scan failed; retrying in {Delay}", QueueName, settings.PollInterval);
                }

                await wake.WaitAsync(wait, stoppingToken);
            }
        }
        finally
        {
            // Items see the stop and end; their claims are handed over only after they have.
            await Task.WhenAll(_running.Keys);
        }
    }

    private async Task RunInSlotAsync(TItem item, CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(item, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "A {Queue} item failed outside its own handling", QueueName);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the item's claim is handed over (or expires) and it runs again elsewhere.
        }
        finally
        {
            var wasFull = _slots.Release() == 0;
            if (wasFull)
            {
                // The loop may be waiting for a free slot: let it claim again now.
                wake.Set();
            }
        }
    }

    private void Track(Task task)
    {
        _running[task] = 0;
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }
}
