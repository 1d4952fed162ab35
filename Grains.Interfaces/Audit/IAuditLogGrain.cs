namespace CallPing.Grains.Interfaces.Audit;

/// <summary>The audit log of one organisation. Key: the organisation id.</summary>
[Alias("callping.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Stores the entries; an entry whose id is stored already is skipped, so a grain may forward its pending entries again.</summary>
    [Alias("Append")]
    Task AppendAsync(IReadOnlyList<AuditEntry> entries);

    /// <summary>Up to <paramref name="limit"/> rows older than the cursor (all when null), newest first; only those of a kind when one is given (<see cref="AuditActions.Kinds"/>).</summary>
    [Alias("GetPage")]
    Task<AuditPage> GetPageAsync(long? before, int limit, string? kind = null);

    /// <summary>Deletes the rows made before <paramref name="cutoff"/>; returns how many.</summary>
    [Alias("Prune")]
    Task<int> PruneAsync(DateTimeOffset cutoff);
}
