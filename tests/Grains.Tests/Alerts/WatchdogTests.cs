using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>
/// A call's end notice to its alert is one-way: when it is lost, the alert would wait for that call for ever but for
/// its watchdog reminder. The notice is lost for real on its way into the alert (<see cref="NoticeDropper"/>); the
/// watchdog's tick is delivered the way the reminder service delivers it, through the grain's IRemindable interface,
/// because the reminder service's first tick would come only after more than a minute of real time.
/// </summary>
[Collection(EscalationCollection.Name)]
public sealed class WatchdogTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task ReceiveReminder_CallEndedButItsNoticeWasLost_EscalationGoesOnToTheNextContact()
    {
        var (alice, bob) = (NewNumber(), NewNumber());
        Phone(alice, PhoneScript.Busy());
        Phone(bob, AnswersAndPresses(("1", 0.5)));
        var projectId = await ProjectAsync(alice, bob);
        var alertId = $"a{Guid.NewGuid():N}";
        Cluster.Notices.LoseNextNoticeTo(alertId);
        await TriggerAsync(projectId, alertId);
        var firstCall = Silo.Grains.GetGrain<ICallGrain>($"{alertId}-1");
        await Eventually.ReachesAsync(firstCall.GetAsync, c => c.Status == CallStatus.Ended, Within, "alice's call over");
        await WaitUntilAsync(() => Cluster.Notices.LostNoticesTo(alertId) == 1, "the notice lost");

        // Without its notice the alert still waits on alice's call, however long: bob is not called.
        Silo.Time.Advance(Policy.StepDelay + TimeSpan.FromMinutes(1));
        var stuck = await StoredAlertAsync(alertId);
        var callsWhileStuck = (await AlertAsync(alertId)).Calls.Count;
        var reminders = await Silo.RemindersAsync();
        await Silo.Grains.GetGrain<IAlertGrain>(alertId).AsReference<IRemindable>()
            .ReceiveReminder("watchdog", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        var wait = await WaitingForNextStepAsync(alertId);
        Silo.Time.Advance(wait);
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        Assert.Equal($"{alertId}-1", stuck.CurrentCallId);
        Assert.Contains(reminders, r => r.Name == "watchdog" && r.GrainId.EndsWith($"/{alertId}", StringComparison.Ordinal));
        // The alert's watchdog serves its calls too: a call of an alert stores no reminder of its own.
        Assert.DoesNotContain(reminders, r => r.GrainId.Contains($"/{alertId}-", StringComparison.Ordinal));
        Assert.Equal(1, callsWhileStuck);
        Assert.Equal(Policy.StepDelay, wait);
        Assert.Equal([CallResult.NotAcknowledged, CallResult.Acknowledged], alert.Calls.Select(c => c.Result));
        Assert.Equal($"{Masked(bob)} pressed 1", alert.AcknowledgedBy);
        Assert.Single(Dialled(alice));
    }
}
