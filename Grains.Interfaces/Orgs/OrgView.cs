namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>An organisation as its members see it: name, members with their roles, and the ids of its projects.</summary>
[GenerateSerializer, Immutable, Alias("callping.OrgView")]
public sealed record OrgView(
    [property: Id(0)] string OrgId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<OrgMember> Members,
    [property: Id(3)] IReadOnlyList<string> ProjectIds,
    [property: Id(4)] DateTimeOffset CreatedAt);
