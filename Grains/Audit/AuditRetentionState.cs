namespace CallPing.Grains.Audit;

/// <summary>Stored state of the retention sweep: the organisations whose logs it sweeps, and when it last swept.</summary>
[GenerateSerializer, Alias("callping.AuditRetentionState")]
public sealed class AuditRetentionState
{
    [Id(0)]
    public List<string> OrgIds { get; set; } = [];

    [Id(1)]
    public DateTimeOffset? LastSweepAt { get; set; }

    [Id(2)]
    public int Sweeps { get; set; }
}
