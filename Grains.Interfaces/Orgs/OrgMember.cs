namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>A member of an organisation as the other members see them.</summary>
[GenerateSerializer, Immutable, Alias("callping.OrgMember")]
public sealed record OrgMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] OrgRole Role,
    [property: Id(3)] DateTimeOffset JoinedAt);
