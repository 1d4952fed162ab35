namespace CallPing.WebFrontend.Metrics;

/// <summary>The Prometheus metric types the exporter writes.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
