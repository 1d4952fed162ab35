using System.Text;

namespace CallPing.WebFrontend.Metrics;

/// <summary>
/// One Prometheus metric: its HELP and TYPE and its series by label set. Observable families are refilled at every
/// scrape, so a label set the callback no longer reports disappears instead of showing its last value forever.
/// </summary>
internal sealed class MetricFamily(string name, string help, MetricKind kind, bool observable, double[] bounds)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HistogramSeries> _histograms = new(StringComparer.Ordinal);

    public string Name => name;

    public MetricKind Kind => kind;

    public bool Observable => observable;

    public void Add(string labels, double value)
    {
        lock (_lock)
        {
            _values[labels] = _values.GetValueOrDefault(labels) + value;
        }
    }

    public void Set(string labels, double value)
    {
        lock (_lock)
        {
            _values[labels] = value;
        }
    }

    public void Record(string labels, double value)
    {
        lock (_lock)
        {
            if (!_histograms.TryGetValue(labels, out var series))
            {
                _histograms[labels] = series = new HistogramSeries(bounds);
            }

            series.Record(value);
        }
    }

    /// <summary>Forgets the observed values before a scrape asks the callbacks again.</summary>
    public void ClearObserved()
    {
        if (!observable)
        {
            return;
        }

        lock (_lock)
        {
            _values.Clear();
        }
    }

    public void WriteTo(StringBuilder output)
    {
        output.Append("# HELP ").Append(name).Append(' ').Append(PrometheusText.EscapeHelp(help)).Append('\n');
        output.Append("# TYPE ").Append(name).Append(' ').Append(kind.ToString().ToLowerInvariant()).Append('\n');
        lock (_lock)
        {
            foreach (var (labels, value) in _values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                PrometheusText.AppendSample(output, name, labels, value);
            }

            foreach (var (labels, series) in _histograms.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                foreach (var (upperBound, count) in series.Cumulative())
                {
                    PrometheusText.AppendSample(output, $"{name}_bucket", labels, count, $"le=\"{PrometheusText.Number(upperBound)}\"");
                }

                PrometheusText.AppendSample(output, $"{name}_sum", labels, series.Sum);
                PrometheusText.AppendSample(output, $"{name}_count", labels, series.Count);
            }
        }
    }
}
