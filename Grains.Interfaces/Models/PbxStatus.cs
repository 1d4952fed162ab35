using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>Whether calls may be routed to a PBX.</summary>
[GenerateSerializer, Alias("callping.PbxStatus")]
[JsonConverter(typeof(JsonStringEnumConverter<PbxStatus>))]
public enum PbxStatus
{
    /// <summary>Answers pings, event socket up, trunk working: routed to.</summary>
    Healthy,

    /// <summary>Its trunk keeps failing: used only when no healthy PBX is left.</summary>
    Degraded,

    /// <summary>Not answering, or no event socket (ARI hangs up answered calls then): never routed to.</summary>
    Down,
}
