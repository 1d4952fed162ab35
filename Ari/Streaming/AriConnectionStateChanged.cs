namespace CallPing.Ari.Streaming;

/// <summary>A change of the event stream's connection.</summary>
/// <param name="State">The new state.</param>
/// <param name="ConnectionNumber">Counts successful connections: 1 is the first, 2 the first reconnect.</param>
/// <param name="Error">Why the connection ended, when it ended badly.</param>
public sealed record AriConnectionStateChanged(AriConnectionState State, int ConnectionNumber, string? Error);
