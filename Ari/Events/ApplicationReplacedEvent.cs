namespace CallPing.Ari.Events;

/// <summary>Another WebSocket registered our application: another instance took over this PBX.</summary>
public sealed record ApplicationReplacedEvent : AriEvent;
