namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>An invitation to record: the normalised address it was sent to, the role, and the SHA-256 of its link's secret.</summary>
[GenerateSerializer, Immutable, Alias("callping.NewInvitation")]
public sealed record NewInvitation(
    [property: Id(0)] string Email,
    [property: Id(1)] OrgRole Role,
    [property: Id(2)] string SecretHash,
    [property: Id(3)] DateTimeOffset ExpiresAt);
