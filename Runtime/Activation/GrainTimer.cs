namespace CallPing.Runtime.Activation;

/// <summary>An in-memory timer whose ticks are turns of its activation; the next period starts after a tick ends.</summary>
internal sealed class GrainTimer : IDisposable
{
    public const string TurnDescription = "timer";

    private readonly GrainActivation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _period;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, TimeProvider time)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
        _timer = time.CreateTimer(_ => Tick(), null, dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _timer.Dispose();
        }
    }

    private void Tick()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        var item = new GrainWorkItem(async _ =>
        {
            if (!_disposed.IsCancellationRequested)
            {
                await _callback(_disposed.Token);
            }

            return null;
        }, TurnDescription);
        if (!_activation.TryPost(item))
        {
            Dispose();
            return;
        }

        item.Completion.Task.ContinueWith(_ => Rearm(), TaskScheduler.Default);
    }

    private void Rearm()
    {
        if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
        {
            try
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the change: nothing left to re-arm.
            }
        }
    }
}
