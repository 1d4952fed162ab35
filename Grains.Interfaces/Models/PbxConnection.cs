namespace CallPing.Grains.Interfaces.Models;

/// <summary>The event WebSocket's state as the driving silo sees it.</summary>
public sealed record PbxConnection(DateTimeOffset At, bool Connected, string DriverSiloId, string? Error);
