namespace CallPing.Ari.Events;

/// <summary>One message from the ARI event WebSocket.</summary>
public abstract record AriEvent
{
    /// <summary>ARI's "type", e.g. "StasisStart".</summary>
    public string Type { get; init; } = "";

    public string Application { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Which Asterisk raised it; tells PBXes apart in a cluster.</summary>
    public string AsteriskId { get; init; } = "";
}
