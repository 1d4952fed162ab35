namespace CallPing.Grains.Interfaces.Models;

/// <summary>What intake answers: the alert the event went to (null when an acknowledge/resolve found none), its status and count.</summary>
public sealed record IntakeResult(string? AlertId, string DedupKey, AlertStatus? Status, int Count, bool Created);
