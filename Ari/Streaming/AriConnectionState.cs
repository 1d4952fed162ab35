namespace CallPing.Ari.Streaming;

/// <summary>Where the event WebSocket stands.</summary>
public enum AriConnectionState
{
    /// <summary>Not connected; reconnecting unless stopped. Events raised now are lost.</summary>
    Disconnected,

    /// <summary>The app is registered and events flow. After a reconnect, reconcile calls in flight.</summary>
    Connected,

    /// <summary>Another connection took over the application; this stream stopped for good.</summary>
    Replaced,

    /// <summary>Stopped by its owner.</summary>
    Stopped,
}
