namespace CallPing.PbxSimulator.Recording;

/// <summary>A playback that started to play (its turn came on its channel and it was not stopped before).</summary>
/// <param name="ChannelId">The channel played to.</param>
/// <param name="PlaybackId">The playback.</param>
/// <param name="At">When it started.</param>
public sealed record PlaybackStartRecord(string ChannelId, string PlaybackId, DateTimeOffset At);
