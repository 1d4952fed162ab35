using CallPing.Grains.Interfaces.Audit;
using Orleans.Concurrency;

namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>
/// An organisation: its name, members and their roles, invitations and projects. Key: the organisation id. Every
/// change names its actor, whose role this grain checks against its own state, and leaves its audit row.
/// </summary>
[Alias("callping.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organisation with the actor as its owner; fails when it exists already.</summary>
    [Alias("Create")]
    Task<OrgView> CreateAsync(string name, string ownerEmail, AuditContext by);

    /// <summary>The organisation, or null when it does not exist (or was deleted).</summary>
    [Alias("Get"), ReadOnly]
    Task<OrgView?> GetAsync();

    /// <summary>The role of a user in the organisation; null for a non-member or an organisation that does not exist.</summary>
    [Alias("GetRole"), ReadOnly]
    Task<OrgRole?> GetRoleAsync(string userId);

    /// <summary>Renames the organisation (owners).</summary>
    [Alias("Rename")]
    Task<OrgAnswer> RenameAsync(string name, AuditContext by);

    /// <summary>Deletes the organisation with its projects; its members lose it (owners).</summary>
    [Alias("Delete")]
    Task<OrgAnswer> DeleteAsync(AuditContext by);

    /// <summary>Records an invitation (admins; only owners invite owners); answers its id.</summary>
    [Alias("Invite")]
    Task<OrgAnswer> InviteAsync(NewInvitation invitation, AuditContext by);

    /// <summary>The invitations not used and not expired (admins).</summary>
    [Alias("GetInvitations"), ReadOnly]
    Task<IReadOnlyList<InvitationView>?> GetInvitationsAsync(string actorUserId);

    /// <summary>Withdraws an invitation (admins).</summary>
    [Alias("WithdrawInvitation")]
    Task<OrgAnswer> WithdrawInvitationAsync(string invitationId, AuditContext by);

    /// <summary>Joins by an invitation's secret, once, before it expires, as the account of the invited address.</summary>
    [Alias("Join")]
    Task<OrgAnswer> JoinAsync(string secretHash, string email, AuditContext by);

    /// <summary>The actor leaves; the last owner cannot.</summary>
    [Alias("Leave")]
    Task<OrgAnswer> LeaveAsync(AuditContext by);

    /// <summary>Removes a member (admins remove members and admins, owners anyone); the last owner cannot go.</summary>
    [Alias("RemoveMember")]
    Task<OrgAnswer> RemoveMemberAsync(string userId, AuditContext by);

    /// <summary>Changes a member's role (admins between member and admin, owners any); the last owner stays one.</summary>
    [Alias("ChangeRole")]
    Task<OrgAnswer> ChangeRoleAsync(string userId, OrgRole role, AuditContext by);

    /// <summary>Creates a project in the organisation (admins); answers its id.</summary>
    [Alias("CreateProject")]
    Task<OrgAnswer> CreateProjectAsync(string name, AuditContext by);

    /// <summary>Deletes a project of the organisation (admins): its keys stop working, its open alerts are resolved.</summary>
    [Alias("DeleteProject")]
    Task<OrgAnswer> DeleteProjectAsync(string projectId, AuditContext by);
}
