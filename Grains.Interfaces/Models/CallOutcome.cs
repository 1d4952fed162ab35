using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>What became of one call try, as CallPing acts on it.</summary>
[GenerateSerializer, Alias("callping.CallOutcome")]
[JsonConverter(typeof(JsonStringEnumConverter<CallOutcome>))]
public enum CallOutcome
{
    /// <summary>StasisStart arrived: someone picked up.</summary>
    Answered,

    Busy,

    /// <summary>Rang without answer, or nobody responded.</summary>
    NoAnswer,

    Rejected,

    /// <summary>The number is wrong: unallocated, no route, changed, invalid format.</summary>
    BadNumber,

    /// <summary>The trunk or the PBX failed: place the call again at once through another PBX.</summary>
    TrunkFailure,

    /// <summary>Any other cause; treated like an unanswered try.</summary>
    Failed,

    /// <summary>The try's end was never seen (its channel was gone when CallPing looked again): the escalation goes on.</summary>
    Unknown,
}
