using CallPing.Grains.Interfaces.Models;
using CallPing.RealPbx.Tests.Infrastructure;

namespace CallPing.RealPbx.Tests;

/// <summary>A PBX that dies (SIGKILL) while a call rings on it.</summary>
[Collection(RealPbxCollection.Name)]
public sealed class PbxKilledTests
{
    private const string Erin = "+15550301";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [RealPbxFact]
    public async Task PbxKilledWhileThePhoneRings_SamePersonCalledAtOnceThroughTheOtherPbx_AndAcknowledges()
    {
        // Erin answers after 6 s of ringing, so the first try is still ringing when its PBX dies.
        await using var rig = await RealPbxRig.StartAsync(PhoneLine.Everywhere(Erin, "answers-and-presses-1", TimeSpan.FromSeconds(6)));
        var (key, alertId, first) = await rig.AlertRingingAsync(Erin, ringTimeoutSeconds: 30);

        var killedAt = DateTimeOffset.UtcNow;
        rig[first.PbxId].Kill();
        var alert = await rig.AlertReachesAsync(key, alertId, a => a.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended),
            Within, "acknowledged through the other PBX");

        var tries = Assert.Single(alert.Calls).Tries;
        Assert.True(tries.Count == 2, RealPbxRig.Describe(alert));
        Assert.Equal(CallOutcome.TrunkFailure, tries[0].Outcome);
        Assert.NotEqual(first.PbxId, tries[1].PbxId);
        Assert.Equal(CallOutcome.Answered, tries[1].Outcome);
        // The second try's phone rang 6 s before answering: the failover itself took what is left of the wait.
        var failedOverAfter = tries[1].DialedAt!.Value - killedAt;
        Assert.True(failedOverAfter < TimeSpan.FromSeconds(5), $"placed again {failedOverAfter.TotalSeconds:0.0} s after the PBX died\n{RealPbxRig.Describe(alert)}");
    }
}
