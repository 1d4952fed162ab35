namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// Originates one try on a PBX under its deterministic channel id ("{callId}-{try}"). RequestedAt lets the PBX refuse a
/// dial that waited so long that its call has given up on it and failed over.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.DialCommand")]
public sealed record DialCommand(
    [property: Id(0)] string CallId,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] string Number,
    [property: Id(3)] int RingTimeoutSeconds,
    [property: Id(4)] DateTimeOffset RequestedAt);
