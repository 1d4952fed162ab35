namespace CallPing.Grains.Interfaces.Models;

/// <summary>One health check: Error is null when the PBX answered.</summary>
public sealed record PbxPing(DateTimeOffset At, TimeSpan Latency, string? Error)
{
    public bool Ok => Error is null;
}
