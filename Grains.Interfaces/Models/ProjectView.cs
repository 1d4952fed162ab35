namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// A project as its members and the alert grains see it; API keys only as ids and prefixes. An organisation's project
/// names its organisation and calls its <see cref="PolicyContacts"/>; a project seeded by the operator has none and
/// calls its <see cref="Contacts"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.ProjectView")]
public sealed record ProjectView(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Contacts,
    [property: Id(3)] EscalationPolicy Policy,
    [property: Id(4)] IReadOnlyList<ApiKeyView> ApiKeys,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] ProjectSpeech? Speech = null,
    [property: Id(7)] string? OrgId = null,
    [property: Id(8)] IReadOnlyList<PolicyContact>? PolicyContacts = null);
