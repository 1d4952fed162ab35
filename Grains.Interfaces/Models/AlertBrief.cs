namespace CallPing.Grains.Interfaces.Models;

/// <summary>An alert's id, status and trigger count, without its call log.</summary>
public sealed record AlertBrief(string AlertId, AlertStatus Status, int Count);
