namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>The organisations a person belongs to, and the one they work in now (null when none is chosen).</summary>
[GenerateSerializer, Immutable, Alias("callping.UserOrgs")]
public sealed record UserOrgs(
    [property: Id(0)] IReadOnlyList<string> OrgIds,
    [property: Id(1)] string? CurrentOrgId);
