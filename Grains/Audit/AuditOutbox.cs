using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Audit;

/// <summary>
/// How a grain leaves audit rows that a crash cannot separate from their change: the grain adds the entry to a pending
/// list in its own state and stores it in the same write as the change, then forwards the list to the organisation's
/// log (<see cref="IAuditLogGrain"/>), which skips entries it holds already. A grain forwards what is pending after
/// every change and when it is activated, so a crash after the write only delays the row: both stand, or neither.
/// </summary>
public static class AuditOutbox
{
    /// <summary>A new entry, its id drawn now so that every forwarding of it is the same row.</summary>
    public static AuditEntry Entry(string orgId, AuditContext by, string action, string target, DateTimeOffset at, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        return new AuditEntry(Guid.NewGuid().ToString("N"), orgId, at, by.ActorUserId, action, target, by.Ip, detail);
    }

    /// <summary>
    /// Forwards the pending entries and takes them off the list in memory. The list is stored emptied by the grain's
    /// next write; until then a new activation forwards them again, which the log skips.
    /// </summary>
    public static async Task ForwardAsync(IGrainFactory grains, List<AuditEntry> pending)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Count == 0)
        {
            return;
        }

        var sent = pending.ToList();
        await Task.WhenAll(sent.GroupBy(e => e.OrgId).Select(g => grains.GetGrain<IAuditLogGrain>(g.Key).AppendAsync([.. g])));
        pending.RemoveAll(sent.Contains);
    }
}
