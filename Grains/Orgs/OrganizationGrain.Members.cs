using System.Security.Cryptography;
using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.Grains.Orgs;

/// <summary>Membership of <see cref="OrganizationGrain"/>: invitations, joining, leaving, removal and roles.</summary>
public sealed partial class OrganizationGrain
{
    public async Task<OrgAnswer> InviteAsync(NewInvitation invitation, AuditContext by)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentException.ThrowIfNullOrWhiteSpace(invitation.Email);
        ArgumentException.ThrowIfNullOrWhiteSpace(invitation.SecretHash);
        if (!Enum.IsDefined(invitation.Role))
        {
            throw new ArgumentException($"Unknown role {invitation.Role}.", nameof(invitation));
        }

        if (Refusal(by, OrgRole.Admin) is { } refused)
        {
            return refused;
        }

        if (invitation.Role == OrgRole.Owner && RoleOf(by.ActorUserId) != OrgRole.Owner)
        {
            return OrgAnswer.Forbidden("Only an owner invites an owner.");
        }

        if (Org.Members.Values.Any(m => m.Email == invitation.Email))
        {
            return OrgAnswer.Conflict("That address belongs to a member already.");
        }

        Org.Invitations.RemoveAll(i => i.ExpiresAt <= Now || i.Email == invitation.Email);
        if (Org.Invitations.Count >= OrgPolicy.MaxOpenInvitations || Org.Members.Count >= OrgPolicy.MaxMembers)
        {
            return OrgAnswer.Conflict($"An organisation has at most {OrgPolicy.MaxMembers} members and {OrgPolicy.MaxOpenInvitations} open invitations.");
        }

        var invitationId = "i" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        Org.Invitations.Add(new StoredInvitation(invitationId, invitation.Email, invitation.Role, invitation.SecretHash, invitation.ExpiresAt, by.ActorUserId));
        await ChangeAsync(AuditActions.MemberInvite, by, invitation.Email, RoleName(invitation.Role));
        return new OrgAnswer(OrgOutcome.Done, CreatedId: invitationId);
    }

    public async Task<OrgAnswer> WithdrawInvitationAsync(string invitationId, AuditContext by)
    {
        if (Refusal(by, OrgRole.Admin) is { } refused)
        {
            return refused;
        }

        if (Org.Invitations.RemoveAll(i => i.InvitationId == invitationId) == 0)
        {
            return OrgAnswer.NotFound;
        }

        await state.WriteStateAsync();
        return OrgAnswer.Done;
    }

    public async Task<OrgAnswer> JoinAsync(string secretHash, string email, AuditContext by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Exists || Org.Invitations.Find(i => SecretHash.Equal(i.SecretHash, secretHash ?? "") && i.ExpiresAt > Now) is not { } invitation)
        {
            return OrgAnswer.NotFound;
        }

        if (invitation.Email != email)
        {
            return OrgAnswer.Forbidden("This invitation was sent to another address: sign in with the invited address's account.");
        }

        if (Org.Members.ContainsKey(by.ActorUserId))
        {
            return OrgAnswer.Conflict("You are a member already.");
        }

        Org.Invitations.Remove(invitation);
        Org.Members[by.ActorUserId] = new StoredMember(email, invitation.Role, Now);
        await ChangeAsync(AuditActions.MemberJoin, by, by.ActorUserId, RoleName(invitation.Role));
        return OrgAnswer.Done;
    }

    public async Task<OrgAnswer> LeaveAsync(AuditContext by)
    {
        if (Refusal(by, OrgRole.Member) is { } refused)
        {
            return refused;
        }

        if (IsLastOwner(by.ActorUserId))
        {
            return OrgAnswer.Conflict("The last owner cannot leave: make another member an owner first, or delete the organisation.");
        }

        Org.Members.Remove(by.ActorUserId);
        await ChangeAsync(AuditActions.MemberLeave, by, by.ActorUserId);
        return OrgAnswer.Done;
    }

    public async Task<OrgAnswer> RemoveMemberAsync(string userId, AuditContext by)
    {
        if (Refusal(by, OrgRole.Admin) is { } refused)
        {
            return refused;
        }

        if (RoleOf(userId) is not { } role)
        {
            return OrgAnswer.NotFound;
        }

        if (role == OrgRole.Owner && RoleOf(by.ActorUserId) != OrgRole.Owner)
        {
            return OrgAnswer.Forbidden("Only an owner removes an owner.");
        }

        if (IsLastOwner(userId))
        {
            return OrgAnswer.Conflict("The last owner cannot be removed.");
        }

        Org.Members.Remove(userId);
        await ChangeAsync(AuditActions.MemberRemove, by, userId);
        return OrgAnswer.Done;
    }

    public async Task<OrgAnswer> ChangeRoleAsync(string userId, OrgRole role, AuditContext by)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException($"Unknown role {role}.", nameof(role));
        }

        if (Refusal(by, OrgRole.Admin) is { } refused)
        {
            return refused;
        }

        if (!Org.Members.TryGetValue(userId, out var member))
        {
            return OrgAnswer.NotFound;
        }

        if ((member.Role == OrgRole.Owner || role == OrgRole.Owner) && RoleOf(by.ActorUserId) != OrgRole.Owner)
        {
            return OrgAnswer.Forbidden("Only an owner makes or unmakes an owner.");
        }

        if (member.Role == role)
        {
            return OrgAnswer.Done;
        }

        if (IsLastOwner(userId))
        {
            return OrgAnswer.Conflict("The last owner stays an owner: make another member an owner first.");
        }

        Org.Members[userId] = member with { Role = role };
        await ChangeAsync(AuditActions.MemberRoleChange, by, userId, $"{RoleName(member.Role)} -> {RoleName(role)}");
        return OrgAnswer.Done;
    }

    private bool IsLastOwner(string userId) => RoleOf(userId) == OrgRole.Owner && Owners == 1;

    private static string RoleName(OrgRole role) => role.ToString().ToLowerInvariant();
}
