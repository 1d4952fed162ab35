namespace CallPing.Silo.Tests.Cluster;

/// <summary>A grain with one reminder, which records each of its ticks.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder, first due at <paramref name="dueAt"/>, then every minute (the reminder service's minimum).</summary>
    Task ScheduleAsync(DateTimeOffset dueAt);

    /// <summary>How often the reminder fired, and how long after its due time it fired first.</summary>
    Task<ReminderProbeReport> GetReportAsync();
}

/// <summary>What a probe saw of its reminder.</summary>
[GenerateSerializer, Immutable]
public sealed record ReminderProbeReport([property: Id(0)] int Fired, [property: Id(1)] TimeSpan? FirstDelay);
