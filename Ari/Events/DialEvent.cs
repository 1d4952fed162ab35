using System.Text.Json.Serialization;
using CallPing.Ari.Models;

namespace CallPing.Ari.Events;

/// <summary>Dial progress for Peer: dialstatus "" -> RINGING/PROGRESS -> ANSWER, BUSY, CONGESTION, NOANSWER, CHANUNAVAIL, CANCEL.</summary>
public sealed record DialEvent : AriEvent
{
    /// <summary>The dialling channel; absent when the call was originated.</summary>
    public Channel? Caller { get; init; }

    /// <summary>The channel being dialled: for an originate, ours.</summary>
    public required Channel Peer { get; init; }

    [JsonPropertyName("dialstatus")]
    public string DialStatus { get; init; } = "";

    [JsonPropertyName("dialstring")]
    public string? DialString { get; init; }
}
