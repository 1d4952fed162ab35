namespace CallPing.Ari.Events;

/// <summary>A playback of several media moved on to the next one.</summary>
public sealed record PlaybackContinuingEvent : PlaybackEvent;
