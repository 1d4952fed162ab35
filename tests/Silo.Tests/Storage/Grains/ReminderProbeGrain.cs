using Orleans.Runtime;

namespace CallPing.Silo.Tests.Storage.Grains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public async Task RegisterAsync(string name, TimeSpan due, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(name, due, period);

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
