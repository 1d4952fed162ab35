using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>An invitation sent: its id, the address, the role, and until when its link works.</summary>
public sealed record CreatedInvitation(string InvitationId, string Email, OrgRole Role, DateTimeOffset ExpiresAt);
