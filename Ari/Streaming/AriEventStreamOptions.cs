namespace CallPing.Ari.Streaming;

/// <summary>Timing of the event WebSocket: keep-alive and reconnect backoff.</summary>
public sealed record AriEventStreamOptions
{
    /// <summary>Asterisk answers pings but never sends any, so a dead peer is only noticed by pinging it.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for a pong before the connection counts as dead.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after a failure; it doubles with each further failure.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A longer message is dropped rather than buffered.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The wait before reconnect attempt number <paramref name="failures"/> (0-based), with jitter.</summary>
    public TimeSpan ReconnectDelay(int failures)
    {
        var ceiling = Math.Min(InitialReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20)), MaxReconnectDelay.TotalMilliseconds);
        // Jitter keeps workers that lost the same PBX from reconnecting in lockstep.
        return TimeSpan.FromMilliseconds(ceiling * (0.8 + (0.2 * Random.Shared.NextDouble())));
    }
}
