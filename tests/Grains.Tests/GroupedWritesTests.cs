using System.Diagnostics;

namespace CallPing.Grains.Tests;

/// <summary>How a grain's interleaved changes are grouped into writes, and how far apart a spaced grain's writes are.</summary>
public sealed class GroupedWritesTests
{
    /// <summary>.NET's timers may fire up to a kernel tick (4 ms) early.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task SaveAsync_WhileAWriteRuns_EveryChangeMeanwhileSharesOneNextWrite()
    {
        var writes = 0;
        var firstWriteEnds = new TaskCompletionSource();
        var grouped = new GroupedWrites(() => ++writes == 1 ? firstWriteEnds.Task : Task.CompletedTask);

        var first = grouped.SaveAsync();
        var second = grouped.SaveAsync();
        var third = grouped.SaveAsync();
        firstWriteEnds.SetResult();
        await Task.WhenAll(first, second, third);

        Assert.Same(second, third);
        Assert.Equal(2, writes);
    }

    [Fact]
    public async Task SaveAsync_NoSpacingAndNoWriteRunning_WritesAtOnce()
    {
        var writes = 0;
        var grouped = new GroupedWrites(() => { writes++; return Task.CompletedTask; });

        await grouped.SaveAsync();
        var second = grouped.SaveAsync();

        Assert.True(second.IsCompleted);
        Assert.Equal(2, writes);
    }

    [Fact]
    public async Task SaveAsync_WithSpacing_EachWriteStartsNoSoonerThanTheSpacingAfterTheLast()
    {
        var spacing = TimeSpan.FromMilliseconds(300);
        var starts = new List<long>();
        var grouped = new GroupedWrites(() => { starts.Add(Stopwatch.GetTimestamp()); return Task.CompletedTask; }, spacing);

        await grouped.SaveAsync();
        var second = grouped.SaveAsync();
        var third = grouped.SaveAsync();
        var waitingForSpacing = !second.IsCompleted;
        await Task.WhenAll(second, third);
        await grouped.SaveAsync();

        Assert.True(waitingForSpacing, "the second write started at once");
        Assert.Same(second, third);
        Assert.Equal(3, starts.Count);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(
            Stopwatch.GetElapsedTime(pair.First, pair.Second) >= spacing - ClockSlack,
            $"writes {Stopwatch.GetElapsedTime(pair.First, pair.Second).TotalMilliseconds:0} ms apart"));
    }
}
