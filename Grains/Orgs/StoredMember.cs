using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.Grains.Orgs;

/// <summary>A member as the organisation stores them.</summary>
[GenerateSerializer, Immutable, Alias("callping.StoredMember")]
public sealed record StoredMember(
    [property: Id(0)] string Email,
    [property: Id(1)] OrgRole Role,
    [property: Id(2)] DateTimeOffset JoinedAt);
