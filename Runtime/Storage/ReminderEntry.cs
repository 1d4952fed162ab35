namespace CallPing.Runtime.Storage;

/// <summary>A stored reminder. <paramref name="Version"/> changes on every re-registration, so a stale delivery cannot complete a newer one.</summary>
public sealed record ReminderEntry(
    string GrainType,
    string GrainKey,
    string Name,
    DateTimeOffset DueAt,
    TimeSpan Period,
    DateTimeOffset FirstDueAt,
    long Version,
    int Attempts);
