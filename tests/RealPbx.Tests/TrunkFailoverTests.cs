using CallPing.Grains.Interfaces.Models;
using CallPing.RealPbx.Tests.Infrastructure;

namespace CallPing.RealPbx.Tests;

/// <summary>A trunk that fails behind pbx-1: the same person is called again at once through pbx-2.</summary>
[Collection(RealPbxCollection.Name)]
public sealed class TrunkFailoverTests(TrunkFailoverTests.Phones phones) : IClassFixture<TrunkFailoverTests.Phones>
{
    private const string CongestedBehindPbx1 = "+15550201";
    private const string SilentBehindPbx1 = "+15550202";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(2);

    private RealPbxRig Rig => phones.Rig;

    [RealPbxFact]
    public async Task TrunkAnswers503_SamePersonCalledAtOnceThroughPbx2_AndAcknowledges()
    {
        var key = await Rig.CreateProjectAsync("congested", [CongestedBehindPbx1]);

        var alert = await FirstTriedOnPbx1Async(key, "congested", a => a.Status == AlertStatus.Acknowledged);

        var tries = Assert.Single(alert.Calls).Tries;
        Assert.True(tries.Count == 2, RealPbxRig.Describe(alert));
        Assert.Equal((CallOutcome.TrunkFailure, 34), (tries[0].Outcome, tries[0].Cause));
        Assert.Equal((RealPbxRig.Pbx2, CallOutcome.Answered), (tries[1].PbxId, tries[1].Outcome));
        Assert.True(tries[1].DialedAt - tries[0].EndedAt < AtOnce, RealPbxRig.Describe(alert));
    }

    [RealPbxFact]
    public async Task TrunkNeverAnswers_NoRingingThen480_IsATrunkFailure_PlacedAgainAtOnceThroughPbx2()
    {
        var key = await Rig.CreateProjectAsync("silent", [SilentBehindPbx1]);

        var alert = await FirstTriedOnPbx1Async(key, "silent", a => a.Status == AlertStatus.Exhausted);

        var tries = Assert.Single(alert.Calls).Tries;
        Assert.True(tries.Count == 2 && tries[0].Outcome == CallOutcome.TrunkFailure,
            $"a trunk that never rang was not taken for a trunk failure:\n{RealPbxRig.Describe(alert)}");
        Assert.Equal((RealPbxRig.Pbx2, CallOutcome.Busy), (tries[1].PbxId, tries[1].Outcome));
        Assert.True(tries[1].DialedAt - tries[0].EndedAt < AtOnce, RealPbxRig.Describe(alert));
    }

    /// <summary>
    /// Raises alerts for the project's one contact until one's first try went to pbx-1 (calls go round-robin over the
    /// two PBXes, so the second alert at the latest) and returns it once <paramref name="done"/> and its calls ended.
    /// </summary>
    private async Task<AlertView> FirstTriedOnPbx1Async(string key, string project, Func<AlertView, bool> done)
    {
        for (var i = 0; i < 3; i++)
        {
            var alertId = await Rig.TriggerAsync(key, $"{project}-{i}", $"Check {i} of {project}");
            var alert = await Rig.AlertReachesAsync(key, alertId, a => a.Status != AlertStatus.Triggered && a.Calls.All(c => c.Status == CallStatus.Ended),
                Within, "the alert's calls over");
            if (alert.Calls[0].Tries[0].PbxId == RealPbxRig.Pbx1)
            {
                Assert.True(done(alert), RealPbxRig.Describe(alert));
                return alert;
            }
        }

        Assert.Fail("No alert's first try went to pbx-1 in three alerts.");
        return null!;
    }

    /// <summary>Behind pbx-1 the trunk fails; behind pbx-2 the person is reached.</summary>
    public sealed class Phones : RigFixture
    {
        protected override PhoneLine[] Lines =>
        [
            new(CongestedBehindPbx1, OnPbx1: "trunk-congested", OnPbx2: "answers-and-presses-1", Pause: TimeSpan.FromSeconds(1)),
            new(SilentBehindPbx1, OnPbx1: "trunk-silent", OnPbx2: "busy", Pause: TimeSpan.FromSeconds(3)),
        ];
    }
}
