using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Calls;

/// <summary>Stored state of a call.</summary>
[GenerateSerializer, Alias("callping.CallState")]
public sealed class CallState
{
    [Id(0)]
    public string Number { get; set; } = "";

    [Id(1)]
    public int RingTimeoutSeconds { get; set; }

    [Id(2)]
    public CallStatus Status { get; set; } = CallStatus.New;

    [Id(3)]
    public CallOutcome? Outcome { get; set; }

    [Id(4)]
    public string? Refusal { get; set; }

    [Id(5)]
    public List<CallTry> Tries { get; set; } = [];

    /// <summary>The alert this call works for; null for a bare call.</summary>
    [Id(6)]
    public string? AlertId { get; set; }

    [Id(7)]
    public string? Summary { get; set; }

    /// <summary>What the call achieved for its alert, once decided.</summary>
    [Id(8)]
    public CallResult? Result { get; set; }

    /// <summary>Whether the alert was told (exactly one notice per call).</summary>
    [Id(9)]
    public bool AlertNotified { get; set; }

    [Id(10)]
    public int PromptPlays { get; set; }

    /// <summary>Why the alert cancelled the call, if it did.</summary>
    [Id(11)]
    public string? CancelledBecause { get; set; }

    /// <summary>Until when an answered alert call waits for a key, so that a new activation re-arms the wait.</summary>
    [Id(12)]
    public DateTimeOffset? KeyWaitUntil { get; set; }

    /// <summary>What led to the result, told to the alert with it.</summary>
    [Id(13)]
    public string? ResultDetail { get; set; }

    /// <summary>What an alert call says; null for a bare call, or an alert from before calls spoke.</summary>
    [Id(14)]
    public SpokenPrompts? Prompts { get; set; }

    /// <summary>The playback that plays the spoken alert by URL, so that its failure is answered with the fallback.</summary>
    [Id(15)]
    public string? SpokenAlertPlayback { get; set; }

    /// <summary>What a call without an alert plays when answered, before it hangs up.</summary>
    [Id(16)]
    public List<string> Play { get; set; } = [];

    /// <summary>The code a call without an alert takes keyed in, if any.</summary>
    [Id(17)]
    public KeyedCode? Code { get; set; }
}
