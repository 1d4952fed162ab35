using CallPing.Ari.Models;

namespace CallPing.Ari.Events;

/// <summary>An event about one playback.</summary>
public abstract record PlaybackEvent : AriEvent
{
    public required Playback Playback { get; init; }
}
