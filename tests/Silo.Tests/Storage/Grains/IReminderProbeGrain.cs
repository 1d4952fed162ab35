namespace CallPing.Silo.Tests.Storage.Grains;

/// <summary>Registers reminders and records each tick it receives in <see cref="ReminderLog"/>.</summary>
[Alias("CallPing.Silo.Tests.Storage.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or re-registers) the named reminder to tick first at <paramref name="firstTickUtc"/>.</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(string name, DateTime firstTickUtc, TimeSpan period);

    /// <summary>Unregisters the named reminder.</summary>
    [Alias("UnregisterAsync")]
    Task UnregisterAsync(string name);
}
