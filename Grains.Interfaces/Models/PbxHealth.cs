namespace CallPing.Grains.Interfaces.Models;

/// <summary>A PBX's health and counters.</summary>
[GenerateSerializer, Immutable, Alias("callping.PbxHealth")]
public sealed record PbxHealth(
    [property: Id(0)] string PbxId,
    [property: Id(1)] string Provider,
    [property: Id(2)] PbxStatus Status,
    [property: Id(3)] DateTimeOffset? StatusSince,
    [property: Id(4)] bool Connected,
    [property: Id(5)] string? DrivenBy,
    [property: Id(6)] int ConsecutivePingFailures,
    [property: Id(7)] int ConsecutiveGoodPings,
    [property: Id(8)] int ConsecutiveTrunkFailures,
    [property: Id(9)] long CallsPlaced,
    [property: Id(10)] long TrunkFailures,
    [property: Id(11)] DateTimeOffset? LastPingAt,
    [property: Id(12)] IReadOnlyList<string> LastErrors);
