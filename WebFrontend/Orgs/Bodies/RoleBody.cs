using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>A member's new role ("owner", "admin", "member").</summary>
public sealed record RoleBody(OrgRole? Role);
