namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>
/// The real clock moved ahead by what a test asks: its timers run in real time, so calls ring and time out as usual,
/// while "now" can jump past a window such as the step-up's 5 minutes.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
