namespace CallPing.Runtime;

/// <summary>Implemented by grains that register durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Delivers a due reminder. Throwing makes the runtime deliver it again later.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
