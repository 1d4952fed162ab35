namespace CallPing.PbxSimulator.Recording;

/// <summary>A playback's end, as its PlaybackFinished event reported it.</summary>
/// <param name="ChannelId">The channel played to.</param>
/// <param name="PlaybackId">The playback.</param>
/// <param name="State">"done" or "failed".</param>
/// <param name="At">When it ended.</param>
public sealed record PlaybackFinishRecord(string ChannelId, string PlaybackId, string State, DateTimeOffset At);
