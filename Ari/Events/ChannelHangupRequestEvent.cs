namespace CallPing.Ari.Events;

/// <summary>Someone asked for the channel to hang up.</summary>
public sealed record ChannelHangupRequestEvent : ChannelEvent
{
    public int? Cause { get; init; }

    public bool? Soft { get; init; }
}
