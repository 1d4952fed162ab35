using System.Collections.Concurrent;

namespace CallPing.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task ScheduleOnceAsync(TimeSpan dueTime);

    Task SchedulePeriodicAsync(TimeSpan dueTime, TimeSpan period);

    Task StopAsync();

    /// <summary>How many deliveries this grain has recorded durably.</summary>
    Task<int> GetFiredAsync();
}

public sealed class ReminderState
{
    public int Fired { get; set; }
}

public sealed class ReminderGrain([PersistentState("reminders")] IPersistentState<ReminderState> state) : Grain, IReminderGrain, IRemindable
{
    public const string Name = "tick";

    /// <summary>Per grain key, how many deliveries should still throw; and how many were attempted.</summary>
    public static ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public Task ScheduleOnceAsync(TimeSpan dueTime) => RegisterOrUpdateReminder(Name, dueTime);

    public Task SchedulePeriodicAsync(TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(Name, dueTime, period);

    public async Task StopAsync()
    {
        if (await GetReminder(Name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task<int> GetFiredAsync() => Task.FromResult(state.State.Fired);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var key = GetPrimaryKeyString();
        Attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (FailuresLeft.TryGetValue(key, out var left) && left > 0)
        {
            FailuresLeft[key] = left - 1;
            throw new InvalidOperationException($"Planned failure of reminder delivery to {key}.");
        }

        state.State.Fired++;
        await state.WriteStateAsync();
    }
}
