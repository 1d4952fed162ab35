namespace CallPing.Ari.Events;

/// <summary>The channel is gone; Cause is its Q.850 cause.</summary>
public sealed record ChannelDestroyedEvent : ChannelEvent
{
    public int Cause { get; init; }

    public string CauseTxt { get; init; } = "";

    /// <summary>The SIP status behind the cause (Asterisk 22.7/20.17 on); absent on normal clearing.</summary>
    public int? TechCause { get; init; }
}
