namespace CallPing.Grains.Interfaces.Models;

/// <summary>What a new alert starts from.</summary>
public sealed record AlertTrigger(string ProjectId, string DedupKey, string Summary, AlertSeverity Severity, string? Source, string? DetailsJson, string Origin);
