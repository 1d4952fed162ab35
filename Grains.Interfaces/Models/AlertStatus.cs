using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

[GenerateSerializer, Alias("callping.AlertStatus")]
[JsonConverter(typeof(JsonStringEnumConverter<AlertStatus>))]
public enum AlertStatus
{
    /// <summary>Open and calling down the policy.</summary>
    Triggered,

    /// <summary>Someone took it: no more calls. Still open (absorbs repeats) until resolved.</summary>
    Acknowledged,

    /// <summary>Nobody acknowledged after the whole policy, repeats included. Still open until resolved.</summary>
    Exhausted,

    /// <summary>Closed.</summary>
    Resolved,
}
