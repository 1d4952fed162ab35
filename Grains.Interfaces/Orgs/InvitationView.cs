namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>An invitation not yet used: to whom, with which role, by whom, until when. Its link's secret is never kept.</summary>
[GenerateSerializer, Immutable, Alias("callping.InvitationView")]
public sealed record InvitationView(
    [property: Id(0)] string InvitationId,
    [property: Id(1)] string Email,
    [property: Id(2)] OrgRole Role,
    [property: Id(3)] string InvitedBy,
    [property: Id(4)] DateTimeOffset ExpiresAt);
