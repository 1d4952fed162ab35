using System.Text.Json.Serialization;

namespace CallPing.Runtime.Membership;

/// <summary>A silo's standing as the membership table shows it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SiloStatus>))]
public enum SiloStatus
{
    Active,

    /// <summary>Silent for longer than Silo:DeadAfter.</summary>
    Dead,

    /// <summary>Stopped cleanly.</summary>
    Stopped,
}
