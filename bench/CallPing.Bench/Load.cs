using System.Collections.Concurrent;
using System.Diagnostics;

namespace CallPing.Bench;

/// <summary>Closed-loop load for the highest sustained rate, and open-loop load at a fixed rate for latency.</summary>
public static class Load
{
    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="operation"/> for <paramref name="duration"/>; returns completions per second.</summary>
    public static async Task<double> MaxRateAsync(int workers, TimeSpan duration, Func<int, Task> operation)
    {
        var done = 0;
        var counter = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await operation(Interlocked.Increment(ref counter));
                Interlocked.Increment(ref done);
            }
        })));
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Starts <paramref name="operation"/> at <paramref name="perSecond"/> for <paramref name="duration"/>, measuring each
    /// successful one's latency; failed ones are counted (the first failure's message is kept) rather than ending the run.
    /// </summary>
    public static async Task<Percentiles> AtRateAsync(double perSecond, TimeSpan duration, Func<int, Task> operation)
    {
        var latencies = new ConcurrentBag<TimeSpan>();
        var failures = new ConcurrentQueue<string>();
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            running.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(index);
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue(e.Message);
                }
            }));
        }

        await Task.WhenAll(running);
        return Percentiles.Of(latencies.ToArray()) with { Failed = failures.Count, FirstFailure = failures.FirstOrDefault() };
    }
}
