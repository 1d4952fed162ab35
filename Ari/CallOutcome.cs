using System.Text.Json.Serialization;

namespace CallPing.Ari;

/// <summary>What became of one call attempt, as CallPing acts on it.</summary>
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
}
