using System.Diagnostics.Metrics;

namespace CallPing.WebFrontend.Metrics;

/// <summary>A histogram's bucket bounds from its instrument's advice (ASP.NET Core advises them for request durations).</summary>
internal static class HistogramBounds
{
    /// <summary>The advised bounds, sorted and without repeats, or null when there is no advice.</summary>
    public static double[]? Of(Instrument instrument)
    {
        IEnumerable<double>? advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            _ => null,
        };
        return advised is null ? null : [.. advised.Where(b => !double.IsNaN(b)).Distinct().Order()];
    }
}
