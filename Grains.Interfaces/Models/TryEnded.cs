namespace CallPing.Grains.Interfaces.Models;

/// <summary>How a try ended, as its PBX reported it (or as the runtime concluded when the PBX could not tell).</summary>
[GenerateSerializer, Immutable, Alias("callping.TryEnded")]
public sealed record TryEnded(
    [property: Id(0)] string ChannelId,
    [property: Id(1)] CallOutcome Outcome,
    [property: Id(2)] int Cause,
    [property: Id(3)] string? Detail,
    [property: Id(4)] DateTimeOffset At);
