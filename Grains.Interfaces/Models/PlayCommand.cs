namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// Plays media on an answered try; with HangupAfter, the call is hung up when it finishes. The playback named by Stops
/// (the one this replaces) is stopped first: Asterisk queues a channel's playbacks, so the answer to a key would
/// otherwise wait for the whole prompt.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.PlayCommand")]
public sealed record PlayCommand(
    [property: Id(0)] string ChannelId,
    [property: Id(1)] string PlaybackId,
    [property: Id(2)] IReadOnlyList<string> Media,
    [property: Id(3)] bool HangupAfter,
    [property: Id(4)] string? Stops = null);
