using System.Diagnostics;

namespace CallPing.Grains;

/// <summary>
/// Stores the state of a grain whose turns interleave. Two writes never overlap (the second would fail on the first's
/// ETag): a change made while a write runs waits for it, and every change made meanwhile goes into one next write, so a
/// burst of changes costs a few writes. <paramref name="write"/> stores a snapshot of the grain's working copy taken
/// when it starts, which no interleaved turn changes while it is written. A <paramref name="spacing"/> keeps writes at
/// least that far apart, from start to start, for a state too large to write without pause. Use it from the grain's
/// turns only.
/// </summary>
public sealed class GroupedWrites(Func<Task> write, TimeSpan spacing = default)
{
    private Task _write = Task.CompletedTask;
    private Task? _nextWrite;
    private long _lastStart;

    /// <summary>The write that will hold every change made so far: the next one when it is queued, else the running one.</summary>
    public Task Pending => _nextWrite ?? _write;

    /// <summary>Completes when every change made before the call is stored; fails when that write fails.</summary>
    public Task SaveAsync()
    {
        if (_nextWrite is not null)
        {
            return _nextWrite;
        }

        if (_write.IsCompleted && UntilNextStart() <= TimeSpan.Zero)
        {
            return _write = Start();
        }

        return _nextWrite = WriteAfterAsync(_write);
    }

    private async Task WriteAfterAsync(Task running)
    {
        // Always yields, so _nextWrite is set before it is cleared here; the running write's failure is its callers' to see.
        await running.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        if (UntilNextStart() is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait);
        }

        _nextWrite = null;
        await (_write = Start());
    }

    private TimeSpan UntilNextStart() => _lastStart == 0 ? TimeSpan.Zero : spacing - Stopwatch.GetElapsedTime(_lastStart);

    private Task Start()
    {
        _lastStart = Stopwatch.GetTimestamp();
        return write();
    }
}
