using CallPing.Grains.Alerts;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>Deleting a project resolves its open alerts first, from its alert index: nobody is called for a project that is gone.</summary>
[Collection(EscalationCollection.Name)]
public sealed class ProjectDeleteTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task Delete_AlertRinging_AlertResolvedAndTheCallHungUp()
    {
        var alice = NewNumber();
        Phone(alice, PhoneScript.RingsWithoutAnswer());
        var projectId = await ProjectAsync(alice, NewNumber());
        var alertId = await TriggerAsync(projectId);
        var ringing = await AlertReachesAsync(alertId, a => a.Calls.Count == 1 && a.Calls[0].Tries.Count == 1, "alice's phone ringing");
        var channelId = ringing.Calls[0].Tries[0].ChannelId;
        await Eventually.ReachesAsync(() => Silo.Grains.GetGrain<IAlertIndexGrain>(projectId).GetPageAsync(null, 1),
            p => p.Alerts.Any(a => a.AlertId == alertId), Within, "the alert listed");

        await Silo.Grains.GetGrain<IProjectGrain>(projectId).DeleteAsync();

        var alert = await AlertAsync(alertId);
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Contains($"resolved by {AlertGrain.ProjectDeletedActor}", alert.Notes!);
        await WaitUntilAsync(() => HangupsOf(channelId).Count > 0, "alice's call hung up");
        Assert.Single(Dialled(alice));
        Assert.Null(await Silo.Grains.GetGrain<IProjectGrain>(projectId).GetAsync());
    }

    [Fact]
    public async Task Report_AfterTheProjectWasDeleted_AlertResolvesItself()
    {
        var projectId = await ProjectAsync(NewNumber());
        await Silo.Grains.GetGrain<IAlertIndexGrain>(projectId).CloseAsync();
        var alertId = $"a{Guid.NewGuid():N}";

        await TriggerAsync(projectId, alertId);

        var alert = await StatusReachesAsync(alertId, AlertStatus.Resolved);
        Assert.Contains($"resolved by {AlertGrain.ProjectDeletedActor}", alert.Notes!);
    }
}
