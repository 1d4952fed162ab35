namespace CallPing.PbxSimulator.Recording;

/// <summary>One playback a client started on a channel.</summary>
/// <param name="ChannelId">The channel played to.</param>
/// <param name="PlaybackId">As asked for (or generated).</param>
/// <param name="Media">The media URIs, in order.</param>
/// <param name="At">When it was asked for.</param>
public sealed record PlaybackRecord(string ChannelId, string PlaybackId, IReadOnlyList<string> Media, DateTimeOffset At);
