using System.Text;
using System.Text.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.Webhooks;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Mapping;

public sealed class WebhookMapperTests
{
    private const int MaxDetails = 16 * 1024;
    private static readonly JsonSerializerOptions Json = IntakeJson.Integration(32);

    [Fact]
    public void Map_AlertmanagerFiringGroup_OneTriggerPerAlertKeyedByFingerprint()
    {
        var payload = RecordedPayloads.Parse<WebhookPayload>("alertmanager-firing.json", Json);

        var events = WebhookMapper.Map(payload, "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails).Events;

        Assert.Equal(2, events.Count);
        Assert.Equal(
            ("1a30ba71cca2921f", AlertAction.Trigger, "BlackBox Probe Failure: https://server.example.org", AlertSeverity.Critical, "https://server.example.org", "alertmanager"),
            (events[0].DedupKey, events[0].Action, events[0].Summary, events[0].Severity, events[0].Source, events[0].Origin));
        // No summary annotation: the description; no severity label: error; no instance label: the job.
        Assert.Equal(("b3e9c0d5f4a1e2c7", "some description", AlertSeverity.Error, "prometheus24"),
            (events[1].DedupKey, events[1].Summary, events[1].Severity, events[1].Source));
    }

    [Fact]
    public void Map_AlertmanagerFiring_DetailsHoldLabelsAnnotationsAndGeneratorUrl()
    {
        var payload = RecordedPayloads.Parse<WebhookPayload>("alertmanager-firing.json", Json);

        var details = WebhookMapper.Map(payload, "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails).Events[0].DetailsJson!;

        using var document = JsonDocument.Parse(details);
        var root = document.RootElement;
        Assert.Equal("http_checks", root.GetProperty("labels").GetProperty("job").GetString());
        Assert.Equal("Instance https://server.example.org has been down for over 5m. Job: http_checks",
            root.GetProperty("annotations").GetProperty("description").GetString());
        Assert.Equal("http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1", root.GetProperty("generatorURL").GetString());
    }

    [Fact]
    public void Map_AlertmanagerResolved_ResolvesTheSameFingerprint()
    {
        var payload = RecordedPayloads.Parse<WebhookPayload>("alertmanager-resolved.json", Json);

        var alertEvent = Assert.Single(WebhookMapper.Map(payload, "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails).Events);

        Assert.Equal((AlertAction.Resolve, "1a30ba71cca2921f"), (alertEvent.Action, alertEvent.DedupKey));
    }

    [Fact]
    public void Map_GrafanaWebhook_TriggersWithGrafanasLinksAndValuesInDetails()
    {
        var payload = RecordedPayloads.Parse<WebhookPayload>("grafana-firing.json", Json);

        var events = WebhookMapper.Map(payload, "p1", WebhookMapper.GrafanaOrigin, MaxDetails).Events;

        Assert.Equal(2, events.Count);
        Assert.Equal(("c6eadffa33fcdf37", AlertAction.Trigger, "This alert was triggered for zone us-1", AlertSeverity.Error, null, "grafana"),
            (events[0].DedupKey, events[0].Action, events[0].Summary, events[0].Severity, events[0].Source, events[0].Origin));
        using var first = JsonDocument.Parse(events[0].DetailsJson!);
        Assert.Equal(44.23943737541908, first.RootElement.GetProperty("values").GetProperty("B").GetDouble());
        Assert.StartsWith("https://play.grafana.org/alerting/silence/new", first.RootElement.GetProperty("silenceURL").GetString());
        Assert.False(first.RootElement.TryGetProperty("dashboardURL", out _));
        using var second = JsonDocument.Parse(events[1].DetailsJson!);
        Assert.Equal("[ metric='' labels={} value=14151.331895396988 ]", second.RootElement.GetProperty("valueString").GetString());
    }

    [Theory]
    [InlineData("critical", AlertSeverity.Critical)]
    [InlineData("ERROR", AlertSeverity.Error)]
    [InlineData("warning", AlertSeverity.Warning)]
    [InlineData("info", AlertSeverity.Info)]
    [InlineData("page", AlertSeverity.Critical)]
    [InlineData("disaster", AlertSeverity.Error)]
    [InlineData(null, AlertSeverity.Error)]
    public void SeverityOf_Label_MapsToPagerDutysFour(string? label, AlertSeverity expected)
    {
        Assert.Equal(expected, WebhookMapper.SeverityOf(label));
    }

    [Fact]
    public void Map_NoFingerprint_KeyIsAStableHashOfTheSortedLabels()
    {
        var oneOrder = Read("""{"alerts":[{"status":"firing","labels":{"alertname":"Down","job":"node"}}]}""");
        var otherOrder = Read("""{"alerts":[{"status":"resolved","labels":{"job":"node","alertname":"Down"}}]}""");
        var otherLabels = Read("""{"alerts":[{"status":"firing","labels":{"alertname":"Down","job":"api"}}]}""");

        var key = WebhookMapper.Map(oneOrder, "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails).Events.Single().DedupKey;

        Assert.Matches("^[0-9a-f]{16}$", key);
        Assert.Equal(key, WebhookMapper.Map(otherOrder, "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails).Events.Single().DedupKey);
        Assert.NotEqual(key, WebhookMapper.Map(otherLabels, "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails).Events.Single().DedupKey);
    }

    [Fact]
    public void Map_NoSummaryDescriptionOrAlertname_SaysWhereItCameFrom()
    {
        var payload = Read("""{"alerts":[{"status":"firing","labels":{"team":"blue"},"fingerprint":"f1"}]}""");

        Assert.Equal("Alert from Grafana", WebhookMapper.Map(payload, "p1", WebhookMapper.GrafanaOrigin, MaxDetails).Events.Single().Summary);
    }

    [Fact]
    public void Map_LongSummaryAndHugeDetails_CutNotRefused()
    {
        var payload = Read($$$"""{"alerts":[{"status":"firing","fingerprint":"f1","annotations":{"summary":"{{{new string('s', 5000)}}}","runbook":"{{{new string('r', 3000)}}}"}}]}""");

        var alertEvent = WebhookMapper.Map(payload, "p1", WebhookMapper.AlertmanagerOrigin, maxDetailsBytes: 1000).Events.Single();

        Assert.Equal(1024, alertEvent.Summary!.Length);
        Assert.Contains("Details were removed", alertEvent.DetailsJson);
    }

    [Theory]
    [InlineData("""{"alerts":[]}""", "alerts")]
    [InlineData("""{"status":"firing"}""", "alerts")]
    [InlineData("""{"alerts":[null]}""", "alerts[0]")]
    [InlineData("""{"alerts":[{"labels":{}}]}""", "alerts[0].status")]
    [InlineData("""{"alerts":[{"status":"firing","fingerprint":"f"},{"status":"pending","fingerprint":"g"}]}""", "alerts[1].status")]
    [InlineData("""{"alerts":[{"status":"firing","fingerprint":"f\u0000"}]}""", "alerts[0].fingerprint")]
    public void Map_InvalidAlert_NamesItsPathAndMakesNoEventAtAll(string body, string field)
    {
        var mapping = WebhookMapper.Map(Read(body), "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails);

        Assert.Empty(mapping.Events);
        Assert.Contains(mapping.Errors, e => e.Field == field);
    }

    [Fact]
    public void Map_AlertWithoutStatus_TakesTheGroupsStatus()
    {
        var payload = Read("""{"status":"resolved","alerts":[{"fingerprint":"f1"}]}""");

        Assert.Equal(AlertAction.Resolve, WebhookMapper.Map(payload, "p1", WebhookMapper.AlertmanagerOrigin, MaxDetails).Events.Single().Action);
    }

    private static WebhookPayload Read(string json)
    {
        var (value, failure) = IntakeBody.Parse<WebhookPayload>(Encoding.UTF8.GetBytes(json), Json);
        Assert.Null(failure);
        return value!;
    }
}
