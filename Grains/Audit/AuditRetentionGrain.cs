using Microsoft.Extensions.DependencyInjection;
using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Audit;

/// <summary>
/// The cluster's one audit retention sweep (see <see cref="IAuditRetentionGrain"/>). Its reminder exists once in the
/// cluster because a reminder belongs to a grain key, and this grain has one key; should two silos both deliver a tick
/// during a membership change, the sweep still runs once that day, because it stores the day it ran.
/// </summary>
public sealed class AuditRetentionGrain(
    [PersistentState("auditretention", GrainStorage.Name)] IPersistentState<AuditRetentionState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IAuditRetentionGrain, IRemindable
{
    public const string ReminderName = "audit-retention";

    private bool _reminderKnown;

    private AuditRetentionState Retention => state.State;

    public async Task EnrolAsync(string orgId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        if (!Retention.OrgIds.Contains(orgId))
        {
            Retention.OrgIds.Add(orgId);
            await state.WriteStateAsync();
        }

        if (!_reminderKnown)
        {
            // Registered only when missing: registering again would move its next tick and could put the sweep off for ever.
            if (await this.GetReminder(ReminderName) is null)
            {
                await this.RegisterOrUpdateReminder(ReminderName, AuditPolicy.FirstSweepAfter, AuditPolicy.SweepPeriod);
            }

            _reminderKnown = true;
        }
    }

    public async Task<bool> SweepAsync()
    {
        var now = time.GetUtcNow();
        if (Retention.LastSweepAt is { } last && last.UtcDateTime.Date == now.UtcDateTime.Date)
        {
            return false;
        }

        var cutoff = now - AuditPolicy.Retention;
        await Task.WhenAll(Retention.OrgIds.Select(id => GrainFactory.GetGrain<IAuditLogGrain>(id).PruneAsync(cutoff)));
        Retention.LastSweepAt = now;
        Retention.Sweeps++;
        await state.WriteStateAsync();
        return true;
    }

    public Task<int> GetSweepCountAsync() => Task.FromResult(Retention.Sweeps);

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();
}
