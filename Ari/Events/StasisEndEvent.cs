namespace CallPing.Ari.Events;

/// <summary>The channel left our application (normally because it hung up).</summary>
public sealed record StasisEndEvent : ChannelEvent;
