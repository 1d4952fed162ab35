namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// One try of a call: where it went, when, and how it ended. DialedAt is when the originate was asked for. SpeechFailed:
/// the PBX could not play the spoken prompt (a failed media fetch), so the callee heard the PBX's core sounds instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.CallTry")]
public sealed record CallTry(
    [property: Id(0)] int Number,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] string PbxId,
    [property: Id(3)] string Provider,
    [property: Id(4)] DateTimeOffset RoutedAt,
    [property: Id(5)] DateTimeOffset? DialedAt,
    [property: Id(6)] DateTimeOffset? AnsweredAt,
    [property: Id(7)] DateTimeOffset? EndedAt,
    [property: Id(8)] CallOutcome? Outcome,
    [property: Id(9)] int? Cause,
    [property: Id(10)] string? Detail,
    [property: Id(11)] bool SpeechFailed = false);
