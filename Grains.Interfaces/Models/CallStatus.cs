using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>Where a call stands.</summary>
[GenerateSerializer, Alias("callping.CallStatus")]
[JsonConverter(typeof(JsonStringEnumConverter<CallStatus>))]
public enum CallStatus
{
    /// <summary>Not placed yet.</summary>
    New,

    /// <summary>A try is queued or ringing.</summary>
    Dialing,

    /// <summary>The callee picked up and the call is still on.</summary>
    Answered,

    /// <summary>Over; <see cref="CallView.Outcome"/> says how.</summary>
    Ended,

    /// <summary>No PBX could take it; <see cref="CallView.Refusal"/> says why.</summary>
    NoPbxAvailable,
}
