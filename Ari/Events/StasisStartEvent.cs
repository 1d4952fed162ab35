namespace CallPing.Ari.Events;

/// <summary>The channel entered our application: for an originated call, this is the answer.</summary>
public sealed record StasisStartEvent : ChannelEvent
{
    /// <summary>The originate's appArgs, split on commas.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}
