namespace CallPing.Grains.Alerts;

/// <summary>
/// Stored state of one (project, dedup key): how many of its alerts were closed. The current alert's id follows from
/// it (<see cref="AlertIds"/>), so opening an alert writes nothing here.
/// </summary>
[GenerateSerializer, Alias("callping.DedupState")]
public sealed class DedupState
{
    [Id(1)]
    public int Generation { get; set; }
}
