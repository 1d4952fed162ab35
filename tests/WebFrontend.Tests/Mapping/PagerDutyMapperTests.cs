using System.Text;
using System.Text.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.PagerDuty;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Mapping;

public sealed class PagerDutyMapperTests
{
    private const int MaxDetails = 16 * 1024;
    private static readonly JsonSerializerOptions Json = IntakeJson.Integration(32);

    [Fact]
    public void Map_DocumentedTriggerExample_MakesPagerDutyTriggerWithEverythingElseInDetails()
    {
        var pdEvent = RecordedPayloads.Parse<PagerDutyEvent>("pagerduty-trigger.json", Json);

        var alertEvent = Assert.Single(PagerDutyMapper.Map(pdEvent, "p1", MaxDetails).Events);

        Assert.Equal(
            ("p1", "samplekeyhere", AlertAction.Trigger, "Example alert on host1.example.com", AlertSeverity.Info,
                "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003", "pagerduty"),
            (alertEvent.ProjectId, alertEvent.DedupKey, alertEvent.Action, alertEvent.Summary, alertEvent.Severity, alertEvent.Source, alertEvent.Origin));
        using var details = JsonDocument.Parse(alertEvent.DetailsJson!);
        var root = details.RootElement;
        Assert.Equal("1500ms", root.GetProperty("custom_details").GetProperty("ping time").GetString());
        Assert.Equal(0.75, root.GetProperty("custom_details").GetProperty("load avg").GetDouble());
        Assert.Equal(("postgres", "prod-datapipe", "deploy"), (root.GetProperty("component").GetString(), root.GetProperty("group").GetString(), root.GetProperty("class").GetString()));
        Assert.Equal("https://example.com/", root.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal("Sample Monitoring Service", root.GetProperty("client").GetString());
        Assert.False(root.TryGetProperty("routing_key", out _));
    }

    [Fact]
    public void Map_DocumentedResolveExample_MakesResolveOfTheSameDedupKey()
    {
        var pdEvent = RecordedPayloads.Parse<PagerDutyEvent>("pagerduty-resolve.json", Json);

        var alertEvent = Assert.Single(PagerDutyMapper.Map(pdEvent, "p1", MaxDetails).Events);

        Assert.Equal((AlertAction.Resolve, "samplekeyhere", "pagerduty"), (alertEvent.Action, alertEvent.DedupKey, alertEvent.Origin));
    }

    [Fact]
    public void Map_AlertmanagersPagerDutyEvent_TriggersWithItsDedupKeyAndDefaultSeverity()
    {
        var pdEvent = RecordedPayloads.Parse<PagerDutyEvent>("pagerduty-from-alertmanager.json", Json);

        var alertEvent = Assert.Single(PagerDutyMapper.Map(pdEvent, "p1", MaxDetails).Events);

        Assert.Equal(("9a1e5b6f7d3c2a1b0e9f8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a49382", AlertSeverity.Error, "Alertmanager"),
            (alertEvent.DedupKey, alertEvent.Severity, alertEvent.Source));
        Assert.StartsWith("[FIRING:1] InstanceDown", alertEvent.Summary);
    }

    [Fact]
    public void Map_GrafanasPagerDutyEvent_TriggersCritical()
    {
        var pdEvent = RecordedPayloads.Parse<PagerDutyEvent>("pagerduty-from-grafana.json", Json);

        var alertEvent = Assert.Single(PagerDutyMapper.Map(pdEvent, "p1", MaxDetails).Events);

        Assert.Equal((AlertAction.Trigger, AlertSeverity.Critical, "grafana-7f9c"), (alertEvent.Action, alertEvent.Severity, alertEvent.Source));
    }

    [Fact]
    public void Map_TriggerWithoutDedupKey_MakesOne()
    {
        var pdEvent = Read("""{"event_action":"trigger","payload":{"summary":"s","source":"h","severity":"warning"}}""");

        var alertEvent = Assert.Single(PagerDutyMapper.Map(pdEvent, "p1", MaxDetails).Events);

        Assert.Matches("^[0-9a-f]{32}$", alertEvent.DedupKey);
        Assert.Null(alertEvent.DetailsJson);
    }

    [Theory]
    [InlineData("""{"event_action":"trigger","payload":{"source":"h","severity":"info"}}""", "payload.summary")]
    [InlineData("""{"event_action":"trigger","payload":{"summary":"s","severity":"info"}}""", "payload.source")]
    [InlineData("""{"event_action":"trigger","payload":{"summary":"s","source":"h"}}""", "payload.severity")]
    [InlineData("""{"event_action":"trigger","payload":{"summary":"s","source":"h","severity":"page"}}""", "payload.severity")]
    [InlineData("""{"event_action":"trigger"}""", "payload")]
    [InlineData("""{"event_action":"resolve"}""", "dedup_key")]
    [InlineData("""{"event_action":"acknowledge","dedup_key":""}""", "dedup_key")]
    [InlineData("""{"event_action":"snooze","dedup_key":"k"}""", "event_action")]
    [InlineData("""{"dedup_key":"k"}""", "event_action")]
    [InlineData("""{"event_action":"trigger","payload":{"summary":"s","source":"h","severity":"info","timestamp":"yesterday"}}""", "payload.timestamp")]
    [InlineData("""{"event_action":"trigger","payload":{"summary":"s","source":"h","severity":"info"},"links":{"href":"x"}}""", "links")]
    public void Map_InvalidEvent_NamesTheFieldAsPagerDutyDoes(string body, string field)
    {
        var mapping = PagerDutyMapper.Map(Read(body), "p1", MaxDetails);

        Assert.Empty(mapping.Events);
        Assert.Contains(mapping.Errors, e => e.Field == field);
    }

    [Fact]
    public void Invalid_Errors_InPagerDutysShape()
    {
        var invalid = PagerDutyInvalid.For([new FieldError("payload.summary", "is missing")]);

        var json = JsonSerializer.Serialize(invalid);

        Assert.Equal("""{"status":"invalid event","message":"Event object is invalid","errors":["payload.summary is missing"]}""", json);
    }

    [Fact]
    public void Accepted_InPagerDutysShape()
    {
        var json = JsonSerializer.Serialize(PagerDutyAccepted.For("samplekeyhere"));

        Assert.Equal("""{"status":"success","message":"Event processed","dedup_key":"samplekeyhere"}""", json);
    }

    private static PagerDutyEvent Read(string json)
    {
        var (value, failure) = IntakeBody.Parse<PagerDutyEvent>(Encoding.UTF8.GetBytes(json), Json);
        Assert.Null(failure);
        return value!;
    }
}
