namespace CallPing.Grains.Interfaces.Models;

/// <summary>Plays media on an answered try, stopping what plays there first; with HangupAfter, the call is hung up when it finishes.</summary>
[GenerateSerializer, Immutable, Alias("callping.PlayCommand")]
public sealed record PlayCommand(
    [property: Id(0)] string ChannelId,
    [property: Id(1)] string PlaybackId,
    [property: Id(2)] IReadOnlyList<string> Media,
    [property: Id(3)] bool HangupAfter);
