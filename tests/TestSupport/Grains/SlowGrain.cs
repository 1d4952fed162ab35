using CallPing.Runtime;

namespace CallPing.TestSupport.Grains;

public sealed record WorkInterval(DateTimeOffset Start, DateTimeOffset End);

public interface ISlowGrain : IGrainWithStringKey
{
    /// <summary>Works for the given time and says when it ran.</summary>
    Task<WorkInterval> WorkAsync(TimeSpan duration);
}

public sealed class SlowGrain : Grain, ISlowGrain
{
    public async Task<WorkInterval> WorkAsync(TimeSpan duration)
    {
        var start = DateTimeOffset.UtcNow;
        await Task.Delay(duration);
        return new WorkInterval(start, DateTimeOffset.UtcNow);
    }
}
