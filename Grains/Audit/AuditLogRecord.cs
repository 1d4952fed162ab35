using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Audit;

/// <summary>An audit entry as the log stores it, numbered in the order it arrived.</summary>
[GenerateSerializer, Immutable, Alias("callping.AuditLogRecord")]
public sealed record AuditLogRecord(
    [property: Id(0)] long Seq,
    [property: Id(1)] AuditEntry Entry);
