namespace CallPing.Grains.Interfaces.Models;

/// <summary>A new project with its on-call contacts (E.164 numbers, called in this order) and policy (defaults when null).</summary>
public sealed record CreateProjectRequest(string Name, IReadOnlyList<string> Contacts, EscalationPolicy? Policy = null);
