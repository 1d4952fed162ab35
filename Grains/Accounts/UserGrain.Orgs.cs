using CallPing.Grains.Audit;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Accounts;

/// <summary>The organisations of <see cref="UserGrain"/>: an index their organisations keep, and the current one.</summary>
public sealed partial class UserGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await AuditOutbox.ForwardAsync(GrainFactory, User.PendingAudit);

    public async Task AddOrgAsync(string orgId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        EnsureExists();
        if (!User.OrgIds.Contains(orgId))
        {
            User.OrgIds.Add(orgId);
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveOrgAsync(string orgId)
    {
        if (state.RecordExists && User.OrgIds.Remove(orgId))
        {
            if (User.CurrentOrgId == orgId)
            {
                User.CurrentOrgId = null;
            }

            await state.WriteStateAsync();
        }
    }

    public Task<UserOrgs> GetOrgsAsync() =>
        Task.FromResult(new UserOrgs([.. User.OrgIds], User.CurrentOrgId is { } current && User.OrgIds.Contains(current) ? current : null));

    public async Task<bool> SwitchOrgAsync(string orgId, AuditContext by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!state.RecordExists || !User.OrgIds.Contains(orgId))
        {
            return false;
        }

        User.CurrentOrgId = orgId;
        User.PendingAudit.Add(AuditOutbox.Entry(orgId, by, AuditActions.OrgSwitch, this.GetPrimaryKeyString(), Now));
        await state.WriteStateAsync();
        await AuditOutbox.ForwardAsync(GrainFactory, User.PendingAudit);
        return true;
    }
}
