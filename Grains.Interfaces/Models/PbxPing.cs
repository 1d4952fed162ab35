namespace CallPing.Grains.Interfaces.Models;

/// <summary>One health check: Error is null when the PBX answered.</summary>
[GenerateSerializer, Immutable, Alias("callping.PbxPing")]
public sealed record PbxPing(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] TimeSpan Latency,
    [property: Id(2)] string? Error)
{
    public bool Ok => Error is null;
}
