namespace CallPing.Grains.Interfaces.Models;

/// <summary>A project as its members and the alert grains see it; API keys only as ids and prefixes.</summary>
public sealed record ProjectView(string ProjectId, string Name, IReadOnlyList<string> Contacts, EscalationPolicy Policy, IReadOnlyList<ApiKeyView> ApiKeys, DateTimeOffset CreatedAt);
