namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// What a new alert copies from its project: the contacts in call order, the policy, and the name and voice its calls
/// speak with. An organisation's project has members' phone numbers instead (<paramref name="MemberContacts"/>), which
/// the alert looks up when it starts.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.ProjectEscalation")]
public sealed record ProjectEscalation(
    [property: Id(0)] IReadOnlyList<string> Contacts,
    [property: Id(1)] EscalationPolicy Policy,
    [property: Id(2)] string Name = "",
    [property: Id(3)] ProjectSpeech? Speech = null,
    [property: Id(4)] IReadOnlyList<PolicyContact>? MemberContacts = null);
