namespace CallPing.Silo.Tests.Storage.Grains;

[GrainType("storage-reminder-probe")]
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    // The due time is worked out here, not by the caller: Orleans skips a first tick that is already past when the
    // reminder reaches the reminder service (the next one is a period later), and calls may queue under load.
    public async Task RegisterAsync(string name, DateTime firstTickUtc, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(name, TimeSpan.FromTicks(Math.Max(0, (firstTickUtc - DateTime.UtcNow).Ticks)), period);

    public async Task UnregisterAsync(string name)
    {
        var reminder = await this.GetReminder(name);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderLog.Record(this.GetPrimaryKeyString(), reminderName, status.CurrentTickTime);
        return Task.CompletedTask;
    }
}
