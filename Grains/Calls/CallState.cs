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

    /// <summary>The alert this call works for; null for a bare call.</summary>
    public string? AlertId { get; set; }

    public string? Summary { get; set; }

    /// <summary>What the call achieved for its alert, once decided.</summary>
    public CallResult? Result { get; set; }

    /// <summary>Whether the alert was told (exactly one notice per call).</summary>
    public bool AlertNotified { get; set; }

    public int PromptPlays { get; set; }

    /// <summary>Why the alert cancelled the call, if it did.</summary>
    public string? CancelledBecause { get; set; }
}
