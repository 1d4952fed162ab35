using CallPing.Grains.Interfaces.Models;
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
    public async Task PhoneAnswersAndPresses1_AlertAcknowledged_AfterTheWholePromptWasPlayed()
    {
        var key = await Rig.CreateProjectAsync("answers", [Answers]);

        var alertId = await Rig.TriggerAsync(key, "disk-full", "Disk full on db-1");
        var alert = await Rig.AlertReachesAsync(key, alertId, a => a.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended), Within, "acknowledged");

        var attempt = Assert.Single(Assert.Single(alert.Calls).Tries);
        Assert.Equal(CallOutcome.Answered, attempt.Outcome);
        Assert.Contains(Answers[^4..], alert.AcknowledgedBy);
        // Asterisk logs each sound it starts, and a playback cut short; the phone pressed 1 only after the prompt's length.
        var pbx = Rig[attempt.PbxId];
        Assert.True(pbx.SoundsPlayedTo(Answers).SequenceEqual(["callping/alert", "callping/menu", "callping/acknowledged"]),
            $"sounds played: {string.Join(", ", pbx.SoundsPlayedTo(Answers))}\n{Rig.Diagnostics()}");
        Assert.DoesNotContain(pbx.PlaybacksCutShort(attempt.ChannelId), media => media.Contains("callping/alert") || media.Contains("callping/menu"));
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
