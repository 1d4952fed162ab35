namespace CallPing.Grains.Orgs;

/// <summary>The limits of an organisation.</summary>
public static class OrgPolicy
{
    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public const int MaxMembers = 500;

    public const int MaxOpenInvitations = 100;

    public const int MaxProjects = 200;
}
