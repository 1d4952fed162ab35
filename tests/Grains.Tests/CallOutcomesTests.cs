using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Tests;

/// <summary>The "Classify" rules: dialstatus before cause, then the Q.850 groups.</summary>
public sealed class CallOutcomesTests
{
    [Theory]
    [InlineData("BUSY", 17, CallOutcome.Busy)]
    [InlineData("BUSY", 0, CallOutcome.Busy)]
    [InlineData("NOANSWER", 18, CallOutcome.NoAnswer)]
    [InlineData("RINGING", 19, CallOutcome.NoAnswer)]
    [InlineData("RINGING", 0, CallOutcome.NoAnswer)]
    [InlineData("NOANSWER", 21, CallOutcome.Rejected)]
    [InlineData("NOANSWER", 1, CallOutcome.BadNumber)]
    [InlineData("NOANSWER", 3, CallOutcome.BadNumber)]
    [InlineData("NOANSWER", 22, CallOutcome.BadNumber)]
    [InlineData("NOANSWER", 28, CallOutcome.BadNumber)]
    [InlineData("CONGESTION", 34, CallOutcome.TrunkFailure)]
    [InlineData("CONGESTION", 0, CallOutcome.TrunkFailure)]
    [InlineData("CHANUNAVAIL", 0, CallOutcome.TrunkFailure)]
    [InlineData("NOANSWER", 27, CallOutcome.TrunkFailure)]
    [InlineData("NOANSWER", 38, CallOutcome.TrunkFailure)]
    [InlineData("", 41, CallOutcome.TrunkFailure)]
    [InlineData("", 42, CallOutcome.TrunkFailure)]
    [InlineData("", 44, CallOutcome.TrunkFailure)]
    [InlineData("NOANSWER", 127, CallOutcome.TrunkFailure)]
    [InlineData("NOANSWER", 58, CallOutcome.Failed)]
    [InlineData(null, 0, CallOutcome.Failed)]
    public void Classify_NotAnswered_FollowsDialStatusThenCause(string? dialStatus, int cause, CallOutcome expected)
    {
        var outcome = CallOutcomes.Classify(answered: false, dialStatus, cause);

        Assert.Equal(expected, outcome);
    }

    // Finding 5, as a real Asterisk 22 reports it: a trunk that never sent 100/180 ends with 19 (SIP 480) and a final
    // NOANSWER while the channel is still Down; a phone that rang ends Ringing.
    [Theory]
    [InlineData("NOANSWER", 19, "Down", CallOutcome.TrunkFailure)]
    [InlineData("", 19, "Down", CallOutcome.TrunkFailure)]
    [InlineData(null, 18, "Down", CallOutcome.TrunkFailure)]
    [InlineData("NOANSWER", 19, "Ringing", CallOutcome.NoAnswer)]
    [InlineData("RINGING", 19, "Ringing", CallOutcome.NoAnswer)]
    [InlineData("NOANSWER", 21, "Down", CallOutcome.Rejected)]
    public void Classify_Finding5_NeverLeftDownWithCause19_IsATrunkFailure(string? dialStatus, int cause, string finalState, CallOutcome expected)
    {
        var outcome = CallOutcomes.Classify(answered: false, dialStatus, cause, finalState);

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Classify_StasisStartSeen_IsAnsweredWhateverTheCause()
    {
        var outcome = CallOutcomes.Classify(answered: true, "ANSWER", 16);

        Assert.Equal(CallOutcome.Answered, outcome);
    }

    [Theory]
    [InlineData(CallOutcome.TrunkFailure, true)]
    [InlineData(CallOutcome.Unknown, true)]
    [InlineData(CallOutcome.Busy, false)]
    [InlineData(CallOutcome.NoAnswer, false)]
    public void ShouldRetryElsewhere_Outcome_OnlyForTrunkFailureOrUnseenEnd(CallOutcome outcome, bool expected)
    {
        var retry = CallOutcomes.ShouldRetryElsewhere(outcome);

        Assert.Equal(expected, retry);
    }
}
