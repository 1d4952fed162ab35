namespace CallPing.Ari.Events;

/// <summary>Media began to play.</summary>
public sealed record PlaybackStartedEvent : PlaybackEvent;
