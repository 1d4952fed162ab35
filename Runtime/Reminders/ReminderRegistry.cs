using CallPing.Runtime.Activation;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Reminders;

/// <summary>Reminder registration on behalf of grains.</summary>
internal sealed class ReminderRegistry(IReminderTable table, RuntimeSignals signals, TimeProvider time)
{
    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grain, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        await table.UpsertAsync(grain.Type, grain.Key, name, time.GetUtcNow() + dueTime, period, CancellationToken.None);
        signals.Reminders.Set();
        return new GrainReminder(name);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grain, string name) =>
        await table.GetAsync(grain.Type, grain.Key, name, CancellationToken.None) is null ? null : new GrainReminder(name);

    public Task UnregisterAsync(GrainId grain, string name) =>
        table.DeleteAsync(grain.Type, grain.Key, name, CancellationToken.None);

    private sealed record GrainReminder(string ReminderName) : IGrainReminder;
}
