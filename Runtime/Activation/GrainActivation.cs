using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CallPing.Runtime.Activation;

/// <summary>
/// One grain in memory: a queue of turns run one at a time in arrival order. The instance is created on the first
/// turn and thrown away whenever a turn fails, so that in-memory state never drifts from what is stored.
/// When other processes share the store (<paramref name="revalidate"/>), each turn first checks that its state is
/// still current and re-activates if another process wrote it, so that no call sees stale state.
/// </summary>
internal sealed class GrainActivation(GrainId id, GrainType type, GrainActivator activator, ConflictPolicy conflicts, bool revalidate, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Queue<GrainWorkItem> _queue = new();
    private bool _running;
    private bool _closed;
    private DateTimeOffset _lastActive = time.GetUtcNow();
    private Grain? _grain;
    private ActivationContext? _context;

    public GrainId Id => id;

    public GrainType Type => type;

    /// <summary>Queues a turn; false when the activation was collected and the caller must get a new one.</summary>
    public bool TryPost(GrainWorkItem item)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _queue.Enqueue(item);
            if (_running)
            {
                return true;
            }

            _running = true;
        }

        _ = Task.Run(DrainAsync);
        return true;
    }

    /// <summary>Closes the activation if it has been idle since <paramref name="idleSince"/>; a closed one takes no turns.</summary>
    public bool TryClose(DateTimeOffset idleSince)
    {
        lock (_gate)
        {
            if (_closed || _running || _queue.Count > 0 || _lastActive > idleSince)
            {
                return _closed;
            }

            _closed = true;
        }

        _context?.Dispose();
        return true;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            GrainWorkItem? item;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out item))
                {
                    _running = false;
                    _lastActive = time.GetUtcNow();
                    return;
                }
            }

            if (!item.IsAbandoned)
            {
                await RunTurnAsync(item);
            }
        }
    }

    private async Task RunTurnAsync(GrainWorkItem item)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (_grain is not null && revalidate && await _context!.AnyStateStaleAsync())
                {
                    Reset();
                }

                if (_grain is null)
                {
                    (_grain, _context) = await activator.ActivateAsync(this);
                }

                var result = await item.Invoke(_grain);
                await _context!.FlushPendingEffectsAsync();
                item.Completion.TrySetResult(result);
                return;
            }
            catch (InconsistentStateException e) when (conflicts.MayRetry(attempt, Stopwatch.GetElapsedTime(started)))
            {
                logger.LogDebug("{Grain} lost a state write race in {Call} (try {Attempt}); reloading: {Message}", id, item.Description, attempt, e.Message);
                Reset();
                // Jitter lets two processes that keep colliding on one grain fall out of step.
                await Task.Delay(Random.Shared.Next(1, Math.Min(50, 1 << Math.Min(attempt, 6)) + 1));
            }
            catch (Exception e)
            {
                if (item.Description == GrainTimer.TurnDescription)
                {
                    // No caller sees a timer's failure. The instance and its timers go; the next call re-activates it.
                    logger.LogWarning(e, "A timer turn of {Grain} failed; the activation is reset", id);
                }

                Reset();
                item.Completion.TrySetException(e);
                return;
            }
        }
    }

    private void Reset()
    {
        _context?.Dispose();
        _context = null;
        _grain = null;
    }
}
