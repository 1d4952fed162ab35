using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using CallPing.WebFrontend.Metrics;

namespace CallPing.WebFrontend.Tests.Metrics;

/// <summary>The exporter against meters of the test's own (unique names keep tests running in parallel apart).</summary>
public sealed partial class PrometheusExporterTests : IDisposable
{
    private readonly string _meterName = $"test.{Guid.NewGuid():N}";
    private readonly Meter _meter;
    private readonly PrometheusExporter _exporter;

    public PrometheusExporterTests()
    {
        _meter = new Meter(_meterName);
        _exporter = new PrometheusExporter([_meterName], hostMeters: null);
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Scrape_Counter_WritesTotalWithHelpTypeAndSummedSeries()
    {
        var counter = _meter.CreateCounter<long>("shop.alerts.received", "{alert}", "Alerts stored.");

        counter.Add(2, new KeyValuePair<string, object?>("source", "api"));
        counter.Add(1, new KeyValuePair<string, object?>("source", "api"));
        counter.Add(5, new KeyValuePair<string, object?>("source", "grafana"));
        var text = _exporter.Scrape();

        Assert.Contains("# HELP shop_alerts_received_total Alerts stored.\n# TYPE shop_alerts_received_total counter\n", text);
        Assert.Contains("shop_alerts_received_total{source=\"api\"} 3\n", text);
        Assert.Contains("shop_alerts_received_total{source=\"grafana\"} 5\n", text);
    }

    [Fact]
    public void Scrape_LabelValuesWithQuotesBackslashesAndNewlines_AreEscaped()
    {
        var counter = _meter.CreateCounter<int>("escapes");

        counter.Add(1, new KeyValuePair<string, object?>("path", "C:\\tmp\n\"x\""));
        var text = _exporter.Scrape();

        Assert.Contains("escapes_total{path=\"C:\\\\tmp\\n\\\"x\\\"\"} 1\n", text);
    }

    [Fact]
    public void Scrape_InvalidNamesAndTags_AreSanitizedAndLabelsSorted()
    {
        var counter = _meter.CreateCounter<long>("9bad-name.x", description: "line one\nline \\two");

        counter.Add(1, new KeyValuePair<string, object?>("z.last", true), new KeyValuePair<string, object?>("http.route", "/a"),
            new KeyValuePair<string, object?>("__reserved", 7));
        var text = _exporter.Scrape();

        Assert.Contains("# HELP _9bad_name_x_total line one\\nline \\\\two\n", text);
        Assert.Contains("_9bad_name_x_total{_reserved=\"7\",http_route=\"/a\",z_last=\"true\"} 1\n", text);
    }

    [Fact]
    public void Scrape_HistogramWithAdvice_WritesCumulativeBucketsSumAndCountInSeconds()
    {
        var histogram = _meter.CreateHistogram("first.ring", "s", "Wait.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1] });

        foreach (var value in new[] { 0.25, 0.5, 0.75, 4 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("pbx", "pbx-1"));
        }

        var text = _exporter.Scrape();

        Assert.Contains("# TYPE first_ring_seconds histogram\n", text);
        Assert.Contains(
            "first_ring_seconds_bucket{pbx=\"pbx-1\",le=\"0.5\"} 2\n" +
            "first_ring_seconds_bucket{pbx=\"pbx-1\",le=\"1\"} 3\n" +
            "first_ring_seconds_bucket{pbx=\"pbx-1\",le=\"+Inf\"} 4\n" +
            "first_ring_seconds_sum{pbx=\"pbx-1\"} 5.5\n" +
            "first_ring_seconds_count{pbx=\"pbx-1\"} 4\n", text);
    }

    [Fact]
    public void Scrape_HistogramWithoutAdvice_UsesTheDefaultBounds()
    {
        var histogram = _meter.CreateHistogram<double>("lag", "s");

        histogram.Record(0.007);
        var text = _exporter.Scrape();

        var bounds = BucketLine().Matches(text).Select(m => m.Groups["le"].Value).ToList();
        Assert.Equal([.. PrometheusExporter.DefaultBounds.Select(PrometheusText.Number), "+Inf"], bounds);
        Assert.Contains("lag_seconds_bucket{le=\"0.005\"} 0\n", text);
        Assert.Contains("lag_seconds_bucket{le=\"0.01\"} 1\n", text);
    }

    [Fact]
    public void Scrape_ObservableGauge_IsReadAtEachScrapeAndDropsSeriesNoLongerReported()
    {
        var reported = new List<Measurement<int>> { new(1, new KeyValuePair<string, object?>("pbx", "pbx-a")) };
        _meter.CreateObservableGauge("pbx.health", () => reported.ToArray());

        var first = _exporter.Scrape();
        reported = [new Measurement<int>(0, new KeyValuePair<string, object?>("pbx", "pbx-b"))];
        var second = _exporter.Scrape();

        Assert.Contains("# TYPE pbx_health gauge\n", first);
        Assert.Contains("pbx_health{pbx=\"pbx-a\"} 1\n", first);
        Assert.Contains("pbx_health{pbx=\"pbx-b\"} 0\n", second);
        Assert.DoesNotContain("pbx-a", second);
    }

    [Fact]
    public void Scrape_UpDownCounter_IsAGaugeOfTheRunningSum()
    {
        var active = _meter.CreateUpDownCounter<long>("active.requests");

        active.Add(3);
        active.Add(-1);
        var text = _exporter.Scrape();

        Assert.Contains("# TYPE active_requests gauge\nactive_requests 2\n", text);
    }

    [Fact]
    public void Scrape_MeterNotListed_IsNotExported()
    {
        using var other = new Meter($"other.{Guid.NewGuid():N}");
        other.CreateCounter<long>("unlisted.things").Add(1);

        var text = _exporter.Scrape();

        Assert.DoesNotContain("unlisted_things", text);
    }

    [Fact]
    public void Scrape_SameMeterNameFromAnotherHostsFactory_OnlyThisHostsIsExported()
    {
        using var ours = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var exporter = new PrometheusExporter([_meterName], ours.GetRequiredService<IMeterFactory>());
        ours.GetRequiredService<IMeterFactory>().Create(_meterName).CreateObservableGauge("grain.activations", () => 7);
        theirs.GetRequiredService<IMeterFactory>().Create(_meterName).CreateObservableGauge("grain.activations", () => 99);

        var text = exporter.Scrape();

        Assert.Contains("grain_activations 7\n", text);
        Assert.DoesNotContain(" 99", text);
    }

    [Fact]
    public void Scrape_EverySampleLine_FollowsTheExpositionFormat()
    {
        _meter.CreateCounter<double>("a.b").Add(0.1, new KeyValuePair<string, object?>("x", "y z"));
        _meter.CreateHistogram<int>("c", "ms").Record(3);
        _meter.CreateObservableGauge("d", () => double.NaN);

        var lines = _exporter.Scrape().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(ExpositionLine(), line));
        Assert.Contains("d NaN", lines);
        Assert.Contains("c_milliseconds_count 1", lines);
    }

    [GeneratedRegex("_bucket\\{le=\"(?<le>[^\"]+)\"\\}")]
    private static partial Regex BucketLine();

    [GeneratedRegex("^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? (\\+Inf|-Inf|NaN|-?[0-9.eE+-]+))$")]
    private static partial Regex ExpositionLine();
}
