namespace CallPing.Grains.Interfaces.Audit;

/// <summary>Audit rows newest first, and the cursor of the next (older) page; null when there is none.</summary>
[GenerateSerializer, Immutable, Alias("callping.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditRow> Rows,
    [property: Id(1)] long? NextCursor);
