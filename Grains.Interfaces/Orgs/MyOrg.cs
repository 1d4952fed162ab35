namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>One organisation of the signed-in person, and whether it is the one they work in now.</summary>
[GenerateSerializer, Immutable, Alias("callping.MyOrg")]
public sealed record MyOrg(
    [property: Id(0)] string OrgId,
    [property: Id(1)] string Name,
    [property: Id(2)] OrgRole Role,
    [property: Id(3)] bool Current);
