using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>What a call achieved for its alert.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallResult>))]
public enum CallResult
{
    /// <summary>The callee pressed 1.</summary>
    Acknowledged,

    /// <summary>The callee pressed 2: call the next person now.</summary>
    PassedOn,

    /// <summary>Answered, busy, rejected, no answer, no key, no PBX, hung up for the alert's end: try the next person after the delay.</summary>
    NotAcknowledged,
}
