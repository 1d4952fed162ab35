namespace CallPing.Grains.Projects;

/// <summary>One call reserved to a number, by the alert that places it (or, for a portal call, the call's id).</summary>
[GenerateSerializer, Immutable, Alias("callping.NumberReservation")]
public sealed record NumberReservation([property: Id(0)] string AlertId, [property: Id(1)] DateTimeOffset At);
