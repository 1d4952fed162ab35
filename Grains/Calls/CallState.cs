using CallPing.Ari;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Calls;

/// <summary>Stored state of a call.</summary>
public sealed class CallState
{
    public string Number { get; set; } = "";

    public int RingTimeoutSeconds { get; set; }

    public CallStatus Status { get; set; } = CallStatus.New;

    public CallOutcome? Outcome { get; set; }

    public string? Refusal { get; set; }

    public List<CallTry> Tries { get; set; } = [];
}
