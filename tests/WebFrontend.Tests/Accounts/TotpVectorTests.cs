using System.Text;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>CallPing's TOTP check against RFC 6238 Appendix B (the SHA-1 rows), and its window of one step either way.</summary>
public sealed class TotpVectorTests
{
    // RFC 6238 Appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; the 8-digit values end in the 6-digit codes.
    private static readonly string Seed = Base32Encoding.ToString(Encoding.ASCII.GetBytes("12345678901234567890"));

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void MatchedStep_Rfc6238Sha1Vector_MatchesItsTimeStep(long unixSeconds, string eightDigits)
    {
        var codes = new TotpCodes(new AccountClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));

        var step = codes.MatchedStep(Seed, eightDigits[2..]);

        Assert.Equal(unixSeconds / 30, step);
    }

    [Theory]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    public void MatchedStep_CodeOfANeighbouringStep_AcceptedOnlyOneStepAway(int offsetSeconds, bool accepted)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var codeThen = new Totp(Encoding.ASCII.GetBytes("12345678901234567890")).ComputeTotp(now.AddSeconds(offsetSeconds).UtcDateTime);

        var step = new TotpCodes(new AccountClock(new FakeTimeProvider(now))).MatchedStep(Seed, codeThen);

        Assert.Equal(accepted, step is not null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void MatchedStep_NotSixAsciiDigits_NoMatch(string code)
    {
        Assert.Null(new TotpCodes(new AccountClock(TimeProvider.System)).MatchedStep(Seed, code));
    }
}
