using CallPing.Runtime;

using System.Collections.Concurrent;

namespace CallPing.TestSupport.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    /// <summary>A one-shot reminder; each delivery takes <paramref name="deliveryTakes"/> (to be caught mid-delivery).</summary>
    Task ScheduleOnceAsync(TimeSpan dueTime, TimeSpan deliveryTakes = default);

    Task SchedulePeriodicAsync(TimeSpan dueTime, TimeSpan period);

    Task StopAsync();

    /// <summary>How many deliveries this grain has recorded durably.</summary>
    Task<int> GetFiredAsync();

    Task<ReminderReport> GetReportAsync();
}

/// <summary>Deliveries recorded, and how late after its due time the last one ran.</summary>
public sealed record ReminderReport(int Fired, double LastDelayMs);

public sealed class ReminderState
{
    public int Fired { get; set; }

    public double LastDelayMs { get; set; }

    public double DeliveryTakesMs { get; set; }
}

public sealed class ReminderGrain([PersistentState("reminders")] IPersistentState<ReminderState> state) : Grain, IReminderGrain, IRemindable
{
    public const string Name = "tick";

    /// <summary>Per grain key, how many deliveries should still throw; and how many were attempted.</summary>
    public static ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public async Task ScheduleOnceAsync(TimeSpan dueTime, TimeSpan deliveryTakes = default)
    {
        state.State.DeliveryTakesMs = deliveryTakes.TotalMilliseconds;
        await state.WriteStateAsync();
        await RegisterOrUpdateReminder(Name, dueTime);
    }

    public Task SchedulePeriodicAsync(TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(Name, dueTime, period);

    public async Task StopAsync()
    {
        if (await GetReminder(Name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task<int> GetFiredAsync() => Task.FromResult(state.State.Fired);

    public Task<ReminderReport> GetReportAsync() => Task.FromResult(new ReminderReport(state.State.Fired, state.State.LastDelayMs));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var key = GetPrimaryKeyString();
        Attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (FailuresLeft.TryGetValue(key, out var left) && left > 0)
        {
            FailuresLeft[key] = left - 1;
            throw new InvalidOperationException($"Planned failure of reminder delivery to {key}.");
        }

        var delay = DateTimeOffset.UtcNow - status.CurrentTickTime;
        await Task.Delay(TimeSpan.FromMilliseconds(state.State.DeliveryTakesMs));
        state.State.Fired++;
        state.State.LastDelayMs = delay.TotalMilliseconds;
        await state.WriteStateAsync();
    }
}
