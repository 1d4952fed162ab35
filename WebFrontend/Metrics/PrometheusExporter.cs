using System.Diagnostics.Metrics;
using System.Text;

namespace CallPing.WebFrontend.Metrics;

/// <summary>
/// Collects the named meters' measurements with a <see cref="MeterListener"/> and writes them in the Prometheus text
/// format: counters as _total, up-down counters and gauges as gauges, histograms as _bucket/_sum/_count over fixed
/// bounds (the instrument's advice, else <see cref="DefaultBounds"/>). Observable instruments are read at scrape time.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Seconds, from 5 ms to 10 s: Prometheus's client libraries' default buckets.</summary>
    public static readonly IReadOnlyList<double> DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly HashSet<string> _meterNames;
    private readonly IMeterFactory? _hostMeters;
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _familiesLock = new();
    private readonly Lock _scrapeLock = new();
    private readonly MeterListener _listener = new();

    /// <summary>
    /// Listens to meters named in <paramref name="meterNames"/> that are static (no scope) or made by
    /// <paramref name="hostMeters"/>: the listener sees the whole process, and another host's meters are not ours.
    /// </summary>
    public PrometheusExporter(IEnumerable<string> meterNames, IMeterFactory? hostMeters)
    {
        _meterNames = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _hostMeters = hostMeters;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<byte>((i, v, t, s) => Measure(s, v, t));
        _listener.SetMeasurementEventCallback<short>((i, v, t, s) => Measure(s, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, s) => Measure(s, v, t));
        _listener.SetMeasurementEventCallback<long>((i, v, t, s) => Measure(s, v, t));
        _listener.SetMeasurementEventCallback<float>((i, v, t, s) => Measure(s, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, s) => Measure(s, v, t));
        _listener.SetMeasurementEventCallback<decimal>((i, v, t, s) => Measure(s, (double)v, t));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments and writes every metric, sorted by name.</summary>
    public string Scrape()
    {
        lock (_scrapeLock)
        {
            List<MetricFamily> families;
            lock (_familiesLock)
            {
                families = [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
            }

            foreach (var family in families)
            {
                family.ClearObserved();
            }

            _listener.RecordObservableInstruments();
            var output = new StringBuilder();
            foreach (var family in families)
            {
                family.WriteTo(output);
            }

            return output.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static void Measure(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is not InstrumentBinding binding)
        {
            return;
        }

        var labels = PrometheusText.Labels(tags);
        switch (binding.Mode)
        {
            case MeasurementMode.Add:
                binding.Family.Add(labels, value);
                break;
            case MeasurementMode.Set:
                binding.Family.Set(labels, value);
                break;
            case MeasurementMode.Record:
                binding.Family.Record(labels, value);
                break;
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (!_meterNames.Contains(meter.Name) || (meter.Scope is not null && !ReferenceEquals(meter.Scope, _hostMeters)))
        {
            return;
        }

        if (Describe(instrument) is not { } shape)
        {
            return;
        }

        var name = shape.Kind == MetricKind.Counter ? PrometheusNames.Counter(instrument.Name, instrument.Unit) : PrometheusNames.Metric(instrument.Name, instrument.Unit);
        MetricFamily family;
        lock (_familiesLock)
        {
            if (!_families.TryGetValue(name, out family!))
            {
                _families[name] = family = new MetricFamily(name, instrument.Description ?? instrument.Name, shape.Kind, instrument.IsObservable, shape.Bounds);
            }
        }

        // Two instruments can share a name only when they agree on what it is; otherwise the first one keeps it.
        if (family.Kind == shape.Kind && family.Observable == instrument.IsObservable)
        {
            listener.EnableMeasurementEvents(instrument, new InstrumentBinding(family, shape.Mode));
        }
    }

    private static InstrumentShape? Describe(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Histogram<>))
        {
            return new InstrumentShape(MetricKind.Histogram, MeasurementMode.Record, HistogramBounds.Of(instrument) ?? [.. DefaultBounds]);
        }

        if (definition == typeof(Counter<>))
        {
            return new InstrumentShape(MetricKind.Counter, MeasurementMode.Add, []);
        }

        if (definition == typeof(ObservableCounter<>))
        {
            // An observable counter reports its running total, not an increment.
            return new InstrumentShape(MetricKind.Counter, MeasurementMode.Set, []);
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return new InstrumentShape(MetricKind.Gauge, MeasurementMode.Add, []);
        }

        return definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>) || definition == typeof(Gauge<>)
            ? new InstrumentShape(MetricKind.Gauge, MeasurementMode.Set, [])
            : null;
    }

    private enum MeasurementMode
    {
        Add,
        Set,
        Record,
    }

    private sealed record InstrumentShape(MetricKind Kind, MeasurementMode Mode, double[] Bounds);

    private sealed record InstrumentBinding(MetricFamily Family, MeasurementMode Mode);
}
