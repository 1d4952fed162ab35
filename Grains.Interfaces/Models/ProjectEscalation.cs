namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// What a new alert copies from its project: the contacts in call order and the policy. An organisation's project has
/// members' phone numbers instead (<paramref name="MemberContacts"/>), which the alert looks up when it starts.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.ProjectEscalation")]
public sealed record ProjectEscalation(
    [property: Id(0)] IReadOnlyList<string> Contacts,
    [property: Id(1)] EscalationPolicy Policy,
    [property: Id(2)] IReadOnlyList<PolicyContact>? MemberContacts = null);
