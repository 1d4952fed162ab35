using CallPing.WebFrontend.Metrics;

namespace CallPing.WebFrontend.Tests.Metrics;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", "http_server_request_duration_seconds")]
    [InlineData("callping.alert.first_ring_seconds", "s", "callping_alert_first_ring_seconds")]
    [InlineData("callping.pbx.health", "{pbx}", "callping_pbx_health")]
    [InlineData("orleans-catalog-activations", null, "orleans_catalog_activations")]
    [InlineData("payload.size", "By", "payload_size_bytes")]
    [InlineData("ns:odd-name", null, "ns:odd_name")]
    public void Metric_InstrumentNameAndUnit_FollowPrometheusConventions(string instrument, string? unit, string expected)
    {
        var name = PrometheusNames.Metric(instrument, unit);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("callping.alerts.received", "callping_alerts_received_total")]
    [InlineData("jobs_total", "jobs_total")]
    public void Counter_Name_EndsInTotalOnce(string instrument, string expected)
    {
        var name = PrometheusNames.Counter(instrument, "{alert}");

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("http.response.status_code", "http_response_status_code")]
    [InlineData("a:b", "a_b")]
    [InlineData("1st", "_1st")]
    [InlineData("__name__", "_name__")]
    [InlineData("", "_")]
    public void Label_TagName_IsAValidLabelName(string tag, string expected)
    {
        var name = PrometheusNames.Label(tag);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.005, "0.005")]
    [InlineData(1e-7, "1E-07")]
    public void Number_SpecialAndSmallValues_AreWrittenAsPrometheusParsesThem(double value, string expected)
    {
        var text = PrometheusText.Number(value);

        Assert.Equal(expected, text);
    }
}
