namespace CallPing.Ari.Events;

/// <summary>Channel.State changed, e.g. to "Ringing" or "Up".</summary>
public sealed record ChannelStateChangeEvent : ChannelEvent;
