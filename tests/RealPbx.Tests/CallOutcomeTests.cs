using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Speech;
using Microsoft.Extensions.Options;
using CallPing.RealPbx.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.RealPbx.Tests;

/// <summary>How a call ends on a real Asterisk, for each thing a called phone can do, as the alert API tells it.</summary>
[Collection(RealPbxCollection.Name)]
public sealed class CallOutcomeTests(CallOutcomeTests.Phones phones) : IClassFixture<CallOutcomeTests.Phones>
{
    private const string Answers = "+15550101";
    private const string Busy = "+15550102";
    private const string Rejects = "+15550103";
    private const string Unknown = "+15550104";
    private const string RingsOut = "+15550105";
    private const string RingsUntilResolved = "+15550106";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private RealPbxRig Rig => phones.Rig;

    [RealPbxFact]
    public async Task PhoneAnswersAndPresses1_SpokenAlertPlayedWholeFromCallPingsUrl_AlertAcknowledged()
    {
        var key = await Rig.CreateProjectAsync("answers", [Answers]);
        var spoken = PromptTexts.For("answers", AlertSeverity.Critical, "Disk full on db-1", ProjectSpeech.Default).Alert;
        var length = PcmWav.DurationOf(await new SpeechRenderer(Options.Create(new SpeechOptions())).RenderAsync(spoken));

        var alertId = await Rig.TriggerAsync(key, "disk-full", "Disk full on db-1");
        // Watched from the dial on (the phone rings for a second), so that the playback is seen from its start.
        var dialled = await Rig.AlertReachesAsync(key, alertId, a => a.Calls is [{ Tries: [{ DialedAt: not null }] }], Within, "dialled");
        var attempt = dialled.Calls[0].Tries[0];
        var played = await PlaybackLengthAsync(Rig[attempt.PbxId], $"{attempt.ChannelId}-p1");
        var alert = await Rig.AlertReachesAsync(key, alertId, a => a.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended), Within, "acknowledged");

        attempt = Assert.Single(Assert.Single(alert.Calls).Tries);
        Assert.Equal(CallOutcome.Answered, attempt.Outcome);
        Assert.Contains(Answers[^4..], alert.AcknowledgedBy);
        // A failed fetch would have ended the playback at once, and the call would say so; the phone pressed 1 only
        // after the spoken alert's length, so nothing cut it short.
        Assert.False(attempt.SpeechFailed, Rig.Diagnostics());
        // The playback lives from the PBX's fetch of the audio to its end: on a loaded machine the fetch may wait for the
        // rendering up to SpeechOptions.FetchWait, which the upper bound allows; a prompt played twice would be twice as long.
        Assert.InRange(played, length - TimeSpan.FromSeconds(0.3), length + new SpeechOptions().FetchWait + TimeSpan.FromSeconds(1.5));
        Assert.Empty(Rig[attempt.PbxId].PlaybacksCutShort(attempt.ChannelId));
        Assert.Equal(2, Rig[attempt.PbxId].SoundsPlayedTo(Answers).Count);
    }

    [RealPbxFact]
    public async Task SameAlertTextAgain_ThePbxPlaysItFromItsCache_NoSecondFetch()
    {
        using var admin = new PublicApi(Rig.Silo);
        var project = await admin.CreateProjectAsync("cached", [Answers], ringTimeoutSeconds: 10, stepDelaySeconds: 1, repeats: 1);
        var key = project.ApiKey;
        // A speed no other test speaks at: every URL of this project is new to both PBXes.
        using var voice = new HttpRequestMessage(HttpMethod.Put, $"/admin/projects/{project.ProjectId}/speech") { Content = JsonContent.Create(new { voice = "en", speed = 170 }) };
        voice.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PublicApi.AdminToken);
        using var set = await Rig.Silo.Http.SendAsync(voice);
        set.EnsureSuccessStatusCode();
        var pbxes = new List<string>();
        var fetchesBefore = await MediaFetchesAsync();

        for (var i = 0; i < 3; i++)
        {
            var alertId = await Rig.TriggerAsync(key, $"cert-{i}", "Certificate expires in 3 days");
            var alert = await Rig.AlertReachesAsync(key, alertId, a => a.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended), Within, "acknowledged");
            var attempt = Assert.Single(Assert.Single(alert.Calls).Tries);
            Assert.False(attempt.SpeechFailed, Rig.Diagnostics());
            pbxes.Add(attempt.PbxId);
        }

        // Each PBX fetched the alert's words and "acknowledged" once, whatever number of calls it played them on.
        var fetches = await MediaFetchesAsync() - fetchesBefore;
        Assert.True(pbxes.Distinct().Count() < pbxes.Count, $"every call went to another PBX ({string.Join(", ", pbxes)}): the cache was not exercised");
        Assert.Equal(2 * pbxes.Distinct().Count(), fetches);
    }

    [RealPbxFact]
    public Task PhoneBusy_TryEndsBusy17_NotPlacedAgain() => EndsAsAsync("busy", Busy, CallOutcome.Busy, 17);

    [RealPbxFact]
    public Task PhoneRejects_TryEndsRejected21_NotPlacedAgain() => EndsAsAsync("rejects", Rejects, CallOutcome.Rejected, 21);

    [RealPbxFact]
    public Task NumberUnknown_TryEndsBadNumber1_NotPlacedAgain() => EndsAsAsync("unknown", Unknown, CallOutcome.BadNumber, 1);

    [RealPbxFact]
    public async Task PhoneRingsOut_TryEndsNoAnswer19AfterTheRingTimeout_NotPlacedAgain()
    {
        var attempt = await EndsAsAsync("rings-out", RingsOut, CallOutcome.NoAnswer, 19);

        Assert.InRange((attempt.EndedAt - attempt.DialedAt)!.Value, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(20));
        Assert.Contains($"CANCEL sip:{RingsOut}@", Rig.PhoneOf(RingsOut, attempt.PbxId).Messages);
    }

    [RealPbxFact]
    public async Task AlertResolvedWhileThePhoneRings_TheCallIsHungUpAtOnce_NobodyCalledAgain()
    {
        var (key, alertId, attempt) = await Rig.AlertRingingAsync(RingsUntilResolved, ringTimeoutSeconds: 60);

        using (var api = Rig.Api(key))
        {
            await api.ResolveAsync(alertId);
        }

        await Eventually.ReachesAsync(() => Rig[attempt.PbxId].ChannelStateAsync(attempt.ChannelId), state => state is null, TimeSpan.FromSeconds(5), "the channel gone from Asterisk");
        var alert = await Rig.AlertReachesAsync(key, alertId, a => a.Calls.All(c => c.Status == CallStatus.Ended), Within, "the call ended");
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Single(Assert.Single(alert.Calls).Tries);
        Assert.Contains($"CANCEL sip:{RingsUntilResolved}@", Rig.PhoneOf(RingsUntilResolved, attempt.PbxId).Messages);
    }

    /// <summary>How long a playback existed on the PBX: from when ARI first shows it until ARI forgets it (it finished).</summary>
    private static async Task<TimeSpan> PlaybackLengthAsync(AsteriskPbx pbx, string playbackId)
    {
        await Eventually.ReachesAsync(() => pbx.HasPlaybackAsync(playbackId), exists => exists, Within, $"playback {playbackId} on {pbx.Id}");
        var started = Stopwatch.GetTimestamp();
        await Eventually.ReachesAsync(() => pbx.HasPlaybackAsync(playbackId), exists => !exists, Within, $"playback {playbackId} finished");
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>GETs of spoken prompts CallPing answered with audio, from its ASP.NET Core request metrics.</summary>
    private async Task<double> MediaFetchesAsync() =>
        MetricsText.Sum(await Rig.Silo.Http.GetStringAsync("/metrics"), "http_server_request_duration_seconds_count",
            ("http_route", "/media/{purpose}/{file}"), ("http_request_method", "GET"), ("http_response_status_code", "200"));

    /// <summary>One contact, called once: its only try ends as the phone made it, and the alert runs out.</summary>
    private async Task<CallTry> EndsAsAsync(string project, string number, CallOutcome outcome, int cause)
    {
        var key = await Rig.CreateProjectAsync(project, [number]);

        var alertId = await Rig.TriggerAsync(key, $"{project}-check", $"Check of {project}");
        var alert = await Rig.AlertReachesAsync(key, alertId, a => a.Status == AlertStatus.Exhausted, Within, "exhausted");

        var attempt = Assert.Single(Assert.Single(alert.Calls).Tries);
        Assert.True((outcome, cause) == (attempt.Outcome, attempt.Cause), $"expected {outcome} cause {cause}:\n{RealPbxRig.Describe(alert)}");
        return attempt;
    }

    /// <summary>The rig these tests share: one phone for each way a call can end, the same behind both PBXes.</summary>
    public sealed class Phones : RigFixture
    {
        protected override PhoneLine[] Lines =>
        [
            PhoneLine.Everywhere(Answers, "answers-and-presses-1", TimeSpan.FromSeconds(1)),
            PhoneLine.Everywhere(Busy, "busy"),
            PhoneLine.Everywhere(Rejects, "rejects"),
            PhoneLine.Everywhere(Unknown, "unknown-number"),
            PhoneLine.Everywhere(RingsOut, "rings"),
            PhoneLine.Everywhere(RingsUntilResolved, "rings"),
        ];
    }
}
