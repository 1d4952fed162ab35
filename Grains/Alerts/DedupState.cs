namespace CallPing.Grains.Alerts;

/// <summary>Stored state of one (project, dedup key): its open alert.</summary>
[GenerateSerializer, Alias("callping.DedupState")]
public sealed class DedupState
{
    [Id(0)]
    public string? OpenAlertId { get; set; }
}
