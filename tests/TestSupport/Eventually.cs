using Xunit;

namespace CallPing.TestSupport;

/// <summary>Polls a condition that background work makes true, failing with the last observed value after a deadline.</summary>
public static class Eventually
{
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        T value;
        while (!done(value = await read()))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: still {value} after {within.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }

        return value;
    }
}
