using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Telemetry;

namespace CallPing.WebFrontend.Tests.Metrics;

public sealed class CallPingMetricsTests
{
    [Theory]
    [InlineData(CallOutcome.TrunkFailure, "trunk_failure")]
    [InlineData(CallOutcome.NoAnswer, "no_answer")]
    [InlineData(CallOutcome.Answered, "answered")]
    public void OutcomeLabel_Outcome_IsSnakeCase(CallOutcome outcome, string expected)
    {
        var label = CallPingMetrics.OutcomeLabel(outcome);

        Assert.Equal(expected, label);
    }

    [Fact]
    public void IsFirstOriginate_FirstTry_IsTrue()
    {
        var tries = new[] { Try(1, null, null) };

        Assert.True(AlertFirstRing.IsFirstOriginate(tries, "a1-1-1"));
    }

    [Fact]
    public void IsFirstOriginate_EarlierTryNeverReachedAPbx_IsTrue()
    {
        var tries = new[] { Try(1, CallOutcome.TrunkFailure, 0), Try(2, null, null) };

        Assert.True(AlertFirstRing.IsFirstOriginate(tries, "a1-1-2"));
    }

    [Fact]
    public void IsFirstOriginate_EarlierTryRangAndFailedOnTheTrunk_IsFalse()
    {
        var tries = new[] { Try(1, CallOutcome.TrunkFailure, 38), Try(2, null, null) };

        Assert.False(AlertFirstRing.IsFirstOriginate(tries, "a1-1-2"));
    }

    [Fact]
    public void IsFirstOriginate_EarlierCallWasAnswered_IsFalse()
    {
        var tries = new[] { Try(1, CallOutcome.Answered, 16) with { ChannelId = "a1-1-1" }, Try(1, null, null) with { ChannelId = "a1-2-1" } };

        Assert.False(AlertFirstRing.IsFirstOriginate(tries, "a1-2-1"));
    }

    [Fact]
    public void IsFirstOriginate_UnknownChannel_IsFalse()
    {
        var tries = new[] { Try(1, null, null) };

        Assert.False(AlertFirstRing.IsFirstOriginate(tries, "a1-1-9"));
    }

    private static CallTry Try(int number, CallOutcome? outcome, int? cause) =>
        new(number, $"a1-1-{number}", "pbx-1", "trunk-a", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, outcome is null ? null : DateTimeOffset.UnixEpoch, outcome, cause, null);
}
