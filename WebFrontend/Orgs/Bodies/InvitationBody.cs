using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>Whom to invite, with which role ("owner", "admin", "member").</summary>
public sealed record InvitationBody(string? Email, OrgRole? Role);
