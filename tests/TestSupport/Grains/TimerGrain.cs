using CallPing.Runtime;

namespace CallPing.TestSupport.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task StopAsync();

    Task<int> GetTicksAsync();
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IDisposable? _timer;
    private int _ticks;

    public Task StartAsync(TimeSpan period)
    {
        _timer = RegisterGrainTimer(_ =>
        {
            _ticks++;
            return Task.CompletedTask;
        }, period, period);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);
}
