using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.Grains.Orgs;

/// <summary>An invitation as the organisation stores it: the link's secret only as its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("callping.StoredInvitation")]
public sealed record StoredInvitation(
    [property: Id(0)] string InvitationId,
    [property: Id(1)] string Email,
    [property: Id(2)] OrgRole Role,
    [property: Id(3)] string SecretHash,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] string InvitedBy);
