namespace CallPing.WebFrontend.Metrics;

/// <summary>One histogram series over fixed upper bounds: a count per bucket (not cumulative until written), sum and count.</summary>
internal sealed class HistogramSeries(double[] bounds)
{
    private readonly long[] _buckets = new long[bounds.Length + 1];

    public double Sum { get; private set; }

    public long Count { get; private set; }

    public void Record(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        // Prometheus buckets are "less than or equal": a value on a bound belongs to that bound's bucket.
        var index = Array.BinarySearch(bounds, value);
        _buckets[index >= 0 ? index : ~index]++;
        Sum += value;
        Count++;
    }

    /// <summary>Each bound with the count of values at or below it, ending with +Inf.</summary>
    public IEnumerable<(double UpperBound, long Count)> Cumulative()
    {
        long running = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            running += _buckets[i];
            yield return (bounds[i], running);
        }

        yield return (double.PositiveInfinity, running + _buckets[^1]);
    }
}
