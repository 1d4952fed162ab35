using System.ComponentModel.DataAnnotations;

namespace CallPing.Runtime.Hosting;

/// <summary>Settings shared by the claim-and-run loops (reminders, outbox).</summary>
public abstract class PumpOptions : IValidatableObject
{
    /// <summary>Longest sleep between scans when nothing wakes the loop.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim lasts; a dead silo's claims are taken over after it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 100;

    /// <summary>Delay before the first retry of a failure; doubles on each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The configuration section, named in validation messages.</summary>
    protected abstract string SectionName { get; }

    /// <summary>How long one item may run: well inside its claim, so that no other silo starts it meanwhile.</summary>
    public TimeSpan WorkLimit => ClaimDuration * 0.8;

    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var checks = new (string Name, bool Valid, string Range)[]
        {
            (nameof(PollInterval), Within(PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)), "00:00:00.010 and 00:10:00"),
            (nameof(ClaimDuration), Within(ClaimDuration, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)), "00:00:01 and 01:00:00"),
            (nameof(BatchSize), BatchSize is >= 1 and <= 10_000, "1 and 10000"),
            (nameof(RetryDelay), Within(RetryDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1)), "00:00:00.010 and 01:00:00"),
            (nameof(MaxRetryDelay), Within(MaxRetryDelay, RetryDelay, TimeSpan.FromDays(1)), "RetryDelay and 1.00:00:00"),
        };
        return checks.Where(c => !c.Valid)
            .Select(c => new ValidationResult($"{SectionName}:{c.Name} must be between {c.Range}.", [c.Name]));
    }

    private static bool Within(TimeSpan value, TimeSpan min, TimeSpan max) => value >= min && value <= max;
}
