namespace CallPing.Grains.Interfaces.Models;

/// <summary>A PBX's health and counters.</summary>
public sealed record PbxHealth(
    string PbxId,
    string Provider,
    PbxStatus Status,
    DateTimeOffset? StatusSince,
    bool Connected,
    string? DrivenBy,
    int ConsecutivePingFailures,
    int ConsecutiveGoodPings,
    int ConsecutiveTrunkFailures,
    long CallsPlaced,
    long TrunkFailures,
    DateTimeOffset? LastPingAt,
    IReadOnlyList<string> LastErrors);
