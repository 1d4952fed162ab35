using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>What a call achieved for its alert.</summary>
[GenerateSerializer, Alias("callping.CallResult")]
[JsonConverter(typeof(JsonStringEnumConverter<CallResult>))]
public enum CallResult
{
    /// <summary>The callee pressed 1.</summary>
    Acknowledged,

    /// <summary>The callee pressed 2: call the next person now.</summary>
    PassedOn,

    /// <summary>Answered, busy, rejected, no answer, no key, hung up for the alert's end: try the next person after the delay.</summary>
    NotAcknowledged,

    /// <summary>No PBX could place the call: CallPing's failure, not the person's, so the same person is tried again shortly.</summary>
    NoPbxAvailable,
}
