using CallPing.Ari;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>One try of a call: where it went, when, and how it ended.</summary>
public sealed record CallTry(
    int Number,
    string ChannelId,
    string PbxId,
    string Provider,
    DateTimeOffset RoutedAt,
    DateTimeOffset? DialedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    CallOutcome? Outcome,
    int? Cause,
    string? Detail);
