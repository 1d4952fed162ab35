namespace CallPing.Grains.Interfaces.Audit;

/// <summary>
/// The one retention sweep of the cluster: a daily reminder on this grain's single key deletes audit rows older than
/// 90 days from every organisation's log. Key: <see cref="Key"/>.
/// </summary>
[Alias("callping.IAuditRetentionGrain")]
public interface IAuditRetentionGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>Adds an organisation's log to the sweep and makes sure the daily reminder is registered.</summary>
    [Alias("Enrol")]
    Task EnrolAsync(string orgId);

    /// <summary>Sweeps unless a sweep ran already this UTC day (what the reminder calls); true when it swept.</summary>
    [Alias("Sweep")]
    Task<bool> SweepAsync();

    /// <summary>How many sweeps ran, ever.</summary>
    [Alias("GetSweepCount")]
    Task<int> GetSweepCountAsync();
}
