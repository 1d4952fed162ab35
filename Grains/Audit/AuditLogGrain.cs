using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Audit;

/// <summary>One organisation's audit log (see <see cref="IAuditLogGrain"/>).</summary>
public sealed class AuditLogGrain(
    [PersistentState("auditlog", GrainStorage.Name)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    private HashSet<string>? _entryIds;

    private AuditLogState Log => state.State;

    private HashSet<string> EntryIds => _entryIds ??= [.. Log.Rows.Select(r => r.Entry.EntryId)];

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var orgId = this.GetPrimaryKeyString();
        if (entries.Any(e => e.OrgId != orgId))
        {
            throw new ArgumentException($"Every entry must belong to organisation {orgId}.", nameof(entries));
        }

        var fresh = entries.Where(e => !EntryIds.Contains(e.EntryId)).DistinctBy(e => e.EntryId).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (!state.RecordExists)
        {
            await GrainFactory.GetGrain<IAuditRetentionGrain>(IAuditRetentionGrain.Key).EnrolAsync(orgId);
        }

        foreach (var entry in fresh)
        {
            Log.Rows.Add(new AuditLogRecord(++Log.LastSeq, entry));
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The state in memory may hold rows that were never stored: read it again before the next call.
            _entryIds = null;
            await state.ReadStateAsync();
            throw;
        }

        fresh.ForEach(e => EntryIds.Add(e.EntryId));
    }

    public Task<AuditPage> GetPageAsync(long? before, int limit, string? kind = null)
    {
        var size = Math.Clamp(limit, 1, AuditPolicy.MaxPageSize);
        var older = Log.Rows.Where(r => (before is null || r.Seq < before) && AuditActions.IsOfKind(r.Entry.Action, kind)).Reverse().Take(size + 1).ToList();
        var rows = older.Take(size).Select(r => new AuditRow(r.Seq, r.Entry.At, r.Entry.ActorUserId, r.Entry.Action, r.Entry.Target, r.Entry.Ip, r.Entry.Detail)).ToList();
        return Task.FromResult(new AuditPage(rows, older.Count > size ? rows[^1].Seq : null));
    }

    public async Task<int> PruneAsync(DateTimeOffset cutoff)
    {
        var removed = Log.Rows.RemoveAll(r => r.Entry.At < cutoff);
        if (removed > 0)
        {
            _entryIds = null;
            await state.WriteStateAsync();
        }

        return removed;
    }
}
