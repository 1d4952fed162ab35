namespace CallPing.Grains.Projects;

/// <summary>One call reserved to a number, by the alert that places it.</summary>
[GenerateSerializer, Immutable, Alias("callping.NumberReservation")]
public sealed record NumberReservation([property: Id(0)] string AlertId, [property: Id(1)] DateTimeOffset At);
