namespace CallPing.Grains.Audit;

/// <summary>How long audit rows are kept, and how often the cluster's one sweep deletes the older ones.</summary>
public static class AuditPolicy
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public static readonly TimeSpan SweepPeriod = TimeSpan.FromDays(1);

    /// <summary>When the sweep first runs after its reminder is registered.</summary>
    public static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(5);

    public const int MaxPageSize = 200;
}
