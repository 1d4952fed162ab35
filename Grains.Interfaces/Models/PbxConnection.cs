namespace CallPing.Grains.Interfaces.Models;

/// <summary>The event WebSocket's state as the driving silo sees it.</summary>
[GenerateSerializer, Immutable, Alias("callping.PbxConnection")]
public sealed record PbxConnection(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] bool Connected,
    [property: Id(2)] string DriverSiloId,
    [property: Id(3)] string? Error);
