namespace CallPing.Grains.Interfaces.Models;

/// <summary>Originates one try on a PBX under its deterministic channel id ("{callId}-{try}").</summary>
[GenerateSerializer, Immutable, Alias("callping.DialCommand")]
public sealed record DialCommand(
    [property: Id(0)] string CallId,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] string Number,
    [property: Id(3)] int RingTimeoutSeconds);
