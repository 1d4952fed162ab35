using CallPing.Ari.Models;

namespace CallPing.Ari.Events;

/// <summary>An event about one channel, which it carries as it was at that moment.</summary>
public abstract record ChannelEvent : AriEvent
{
    public required Channel Channel { get; init; }
}
