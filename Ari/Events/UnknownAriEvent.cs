namespace CallPing.Ari.Events;

/// <summary>An event type this client has no record for; kept raw so nothing is silently lost.</summary>
public sealed record UnknownAriEvent : AriEvent
{
    public required string RawJson { get; init; }
}
