namespace CallPing.Bench;

/// <summary>p50 / p99 / max of a set of durations, in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, 0, 0, 0);
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.99), sorted[^1]);
    }

    /// <summary>Operations that failed and are not in the figures.</summary>
    public int Failed { get; init; }

    public string? FirstFailure { get; init; }

    public override string ToString() =>
        Count == 0 ? $"n=0, {Failed} failed ({FirstFailure})"
        : $"n={Count}, p50 {P50:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms{(Failed > 0 ? $", {Failed} failed ({FirstFailure})" : "")}";
}
