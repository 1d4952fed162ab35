namespace CallPing.Grains.Alerts;

/// <summary>Stored state of one (project, dedup key): its open alert.</summary>
public sealed class DedupState
{
    public string? OpenAlertId { get; set; }
}
