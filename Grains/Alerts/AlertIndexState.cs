using CallPing.Grains.Interfaces.Alerts;

namespace CallPing.Grains.Alerts;

/// <summary>Stored state of a project's alert index: its alerts as listed, and whether the project is deleted.</summary>
[GenerateSerializer, Alias("callping.AlertIndexState")]
public sealed class AlertIndexState
{
    [Id(0)]
    public List<AlertListing> Alerts { get; set; } = [];

    [Id(1)]
    public bool Closed { get; set; }
}
