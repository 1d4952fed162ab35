namespace CallPing.Ari.Events;

/// <summary>The playback ended; Playback.State says "done" or "failed".</summary>
public sealed record PlaybackFinishedEvent : PlaybackEvent;
