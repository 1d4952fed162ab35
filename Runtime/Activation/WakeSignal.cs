namespace CallPing.Runtime.Activation;

/// <summary>An auto-reset signal for a polling loop: Set wakes the waiter, or the next wait if none is waiting.</summary>
public sealed class WakeSignal
{
    private TaskCompletionSource _signal = NewSignal();

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Waits for a Set or the timeout, then re-arms. The caller scans for work after this returns.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signal);
        if (timeout > TimeSpan.Zero)
        {
            try
            {
                await signal.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing woke us: the caller scans anyway.
            }
        }

        if (signal.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, NewSignal(), signal);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
