namespace CallPing.Grains.Projects;

/// <summary>One call reserved to a number, by the alert that places it.</summary>
public sealed record NumberReservation(string AlertId, DateTimeOffset At);
