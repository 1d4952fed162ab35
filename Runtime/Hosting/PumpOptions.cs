using System.ComponentModel.DataAnnotations;

namespace CallPing.Runtime.Hosting;

/// <summary>Settings shared by the claim-and-run loops (reminders, outbox).</summary>
public abstract class PumpOptions
{
    /// <summary>Longest sleep between scans when nothing wakes the loop.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "{0} must be between {1} and {2}.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim lasts; a dead silo's claims are taken over after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "{0} must be between {1} and {2}.")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 10_000, ErrorMessage = "{0} must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>Delay before the first retry of a failure; doubles on each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "{0} must be between {1} and {2}.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "{0} must be between {1} and {2}.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));
}
