namespace CallPing.Grains.Interfaces.Models;

/// <summary>Sent by a call to its alert when it is over (one-way; the alert's watchdog covers a lost one).</summary>
[GenerateSerializer, Immutable, Alias("callping.CallEndedNotice")]
public sealed record CallEndedNotice(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string CallId,
    [property: Id(2)] CallResult Result,
    [property: Id(3)] CallOutcome? Outcome,
    [property: Id(4)] string? Detail,
    [property: Id(5)] DateTimeOffset At);
