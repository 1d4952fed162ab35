namespace CallPing.Grains.Audit;

/// <summary>Stored state of an organisation's audit log: its rows, oldest first.</summary>
[GenerateSerializer, Alias("callping.AuditLogState")]
public sealed class AuditLogState
{
    [Id(0)]
    public long LastSeq { get; set; }

    [Id(1)]
    public List<AuditLogRecord> Rows { get; set; } = [];
}
