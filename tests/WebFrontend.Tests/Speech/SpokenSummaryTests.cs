using System.Text.Json;
using CallPing.Grains.Speech;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.PagerDuty;
using CallPing.WebFrontend.Intake.Webhooks;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Speech;

/// <summary>What a callee hears of the summaries real monitoring sends (Payloads/), after the intake mapped them.</summary>
public sealed class SpokenSummaryTests
{
    private const int MaxDetails = 16 * 1024;
    private static readonly JsonSerializerOptions Json = IntakeJson.Integration(32);

    [Theory]
    [InlineData("alertmanager-firing.json", 0, "Black Box Probe Failure: server.example.org")]
    [InlineData("alertmanager-firing.json", 1, "some description")]
    [InlineData("grafana-firing.json", 0, "This alert was triggered for zone us-1")]
    public void Clean_WebhookPayloadSummary_ReadsAsSpeech(string payload, int alert, string heard)
    {
        var origin = payload.StartsWith("grafana", StringComparison.Ordinal) ? WebhookMapper.GrafanaOrigin : WebhookMapper.AlertmanagerOrigin;
        var summary = WebhookMapper.Map(RecordedPayloads.Parse<WebhookPayload>(payload, Json), "p1", origin, MaxDetails).Events[alert].Summary!;

        var spoken = SpokenSummary.Clean(summary);

        Assert.Equal(heard, spoken);
    }

    [Theory]
    [InlineData("pagerduty-from-alertmanager.json", "Instance Down node 10.0.0.7 critical")]
    [InlineData("pagerduty-from-grafana.json", "High memory usage blue us-1")]
    [InlineData("pagerduty-trigger.json", "Example alert on host1.example.com")]
    public void Clean_PagerDutyPayloadSummary_ReadsAsSpeech(string payload, string heard)
    {
        var summary = Assert.Single(PagerDutyMapper.Map(RecordedPayloads.Parse<PagerDutyEvent>(payload, Json), "p1", MaxDetails).Events).Summary!;

        var spoken = SpokenSummary.Clean(summary);

        Assert.Equal(heard, spoken);
    }

    [Theory]
    [InlineData("Deploy 4bf92f3577b34da6a3ce929d0e0e4736 failed", "Deploy failed")]
    [InlineData("Job 123e4567-e89b-12d3-a456-426614174000 stuck since 02:00", "Job stuck since 02:00")]
    [InlineData("KubePodCrashLooping {namespace=\"prod\", pod=\"api-0\"}", "Kube Pod Crash Looping prod, api-0")]
    [InlineData("Error rate 5% on checkout, see https://grafana.example.com/d/abc?orgId=1 for details", "Error rate 5% on checkout, see grafana.example.com for details")]
    [InlineData("[RESOLVED] disk_usage_high on db-1:9100", "disk usage high on db-1")]
    public void Clean_ScreenNoise_DroppedOrShortened(string summary, string heard)
    {
        var spoken = SpokenSummary.Clean(summary);

        Assert.Equal(heard, spoken);
    }

    [Fact]
    public void Clean_ManyWords_CutToAboutTwentySecondsOfSpeech()
    {
        var summary = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"w{i}"));

        var spoken = SpokenSummary.Clean(summary);

        var words = spoken.Split(' ');
        Assert.Equal(SpokenSummary.MaxWords, words.Length);
        Assert.Equal("w50", words[^1]);
    }

    [Fact]
    public void Clean_LongWords_CutAtAWordBoundaryWithinTheCharacterBound()
    {
        var summary = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"replica{i}lagging"));

        var spoken = SpokenSummary.Clean(summary);

        Assert.InRange(spoken.Length, SpokenSummary.MaxCharacters - 20, SpokenSummary.MaxCharacters);
        Assert.EndsWith("lagging", spoken);
    }
}
