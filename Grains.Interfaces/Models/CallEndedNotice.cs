using CallPing.Ari;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>Sent by a call to its alert (through the outbox) when it is over.</summary>
public sealed record CallEndedNotice(string AlertId, string CallId, CallResult Result, CallOutcome? Outcome, string? Detail, DateTimeOffset At)
{
    public const string Kind = "alert.call-ended";
}
