namespace CallPing.Grains.Interfaces.Models;

/// <summary>An alert after a batch of triggers reached it: its id, status and count, and whether the batch created it.</summary>
[GenerateSerializer, Immutable, Alias("callping.RaisedAlert")]
public sealed record RaisedAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] AlertStatus Status,
    [property: Id(2)] int Count,
    [property: Id(3)] bool Created);
