namespace CallPing.Grains.Interfaces.Models;

/// <summary>How one call try on a PBX ended.</summary>
[GenerateSerializer, Immutable, Alias("callping.PbxCallResult")]
public sealed record PbxCallResult(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] CallOutcome Outcome,
    [property: Id(2)] int Cause,
    [property: Id(3)] string? Detail);
