using CallPing.Grains.Interfaces.Models;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>How the escalation moves down the list: a busy phone, the end of the repeats, a number over its call limit.</summary>
[Collection(EscalationCollection.Name)]
public sealed class EscalationStepTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task Busy_FirstContactBusy_NextContactCalledAfterTheStepDelay()
    {
        var (alice, bob) = (NewNumber(), NewNumber());
        Phone(alice, PhoneScript.Busy());
        Phone(bob, AnswersAndPresses(("1", 0.5)));
        var alertId = await TriggerAsync(await ProjectAsync(alice, bob));

        var wait = await WaitingForNextStepAsync(alertId);
        Silo.Time.Advance(wait - TimeSpan.FromSeconds(1));
        var callsBeforeTheDelay = (await AlertAsync(alertId)).Calls.Count;
        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        Assert.Equal(Policy.StepDelay, wait);
        Assert.Equal(1, callsBeforeTheDelay);
        Assert.Equal(CallOutcome.Busy, alert.Calls[0].Outcome);
        Assert.Equal([CallResult.NotAcknowledged, CallResult.Acknowledged], alert.Calls.Select(c => c.Result));
        Assert.Single(Dialled(alice));
        Assert.Single(Dialled(bob));
    }

    [Fact]
    public async Task Exhausted_NobodyAcknowledgesInAnyRound_ExhaustedAfterTheRepeatsAndNoFurtherCalls()
    {
        var (alice, bob) = (NewNumber(), NewNumber());
        Phone(alice, PhoneScript.Busy());
        Phone(bob, PhoneScript.Busy());
        var alertId = await TriggerAsync(await ProjectAsync(alice, bob));

        for (var step = 0; step < Policy.Repeats * 2; step++)
        {
            Silo.Time.Advance(await WaitingForNextStepAsync(alertId));
            await AlertReachesAsync(alertId, a => a.Calls.Count == step + 2 || a.Status == AlertStatus.Exhausted, $"step {step + 1} taken");
        }

        var alert = await StatusReachesAsync(alertId, AlertStatus.Exhausted);
        Silo.Time.Advance(TimeSpan.FromMinutes(10));

        var dialled = Dialled(alice).Concat(Dialled(bob)).OrderBy(o => o.At).Select(o => o.Number);
        Assert.Equal([alice, bob, alice, bob], dialled);
        Assert.Equal(4, (await AlertAsync(alertId)).Calls.Count);
        Assert.All(alert.Calls, c => Assert.Equal(CallResult.NotAcknowledged, c.Result));
        Assert.Contains("exhausted after 2 rounds over 2 contacts", (await StoredAlertAsync(alertId)).Notes);
    }

    [Fact]
    public async Task NumberLimit_FirstContactOverItsLimit_SkippedWithANoteAndNextContactCalled()
    {
        var (alice, bob) = (NewNumber(), NewNumber());
        Phone(alice, AnswersAndPresses(("1", 0.5)));
        Phone(bob, AnswersAndPresses(("1", 0.5)));
        // Other alerts called alice five times within the last ten minutes: her limit.
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await (await Silo.NumberGrainAsync(alice)).TryReserveCallAsync($"storm-{i}"));
        }

        var alertId = await TriggerAsync(await ProjectAsync(alice, bob));

        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);
        Assert.Equal($"{Masked(bob)} pressed 1", alert.AcknowledgedBy);
        Assert.Single(alert.Calls);
        Assert.Empty(Dialled(alice));
        Assert.Contains($"skipped {Masked(alice)}: call limit for this number reached", (await StoredAlertAsync(alertId)).Notes);
    }
}
