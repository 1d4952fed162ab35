namespace CallPing.Ari.Events;

/// <summary>The callee pressed and released a key; only raised while the channel is in our application.</summary>
public sealed record ChannelDtmfReceivedEvent : ChannelEvent
{
    /// <summary>"0"-"9", "*", "#", "A"-"D".</summary>
    public required string Digit { get; init; }

    public int DurationMs { get; init; }
}
