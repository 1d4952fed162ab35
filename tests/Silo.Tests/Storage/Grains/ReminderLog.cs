using System.Collections.Concurrent;

namespace CallPing.Silo.Tests.Storage.Grains;

/// <summary>
/// Every tick the probe grains received in this test process, by (grain key, reminder name). The silos run in
/// this process, so the tests read what the grains saw; each test uses keys of its own.
/// </summary>
public static class ReminderLog
{
    private static readonly ConcurrentDictionary<(string Key, string Reminder), ConcurrentQueue<DateTime>> TicksByReminder = new();

    public static void Record(string key, string reminder, DateTime tickTime) =>
        TicksByReminder.GetOrAdd((key, reminder), _ => new()).Enqueue(tickTime);

    public static IReadOnlyList<DateTime> Ticks(string key, string reminder) =>
        TicksByReminder.TryGetValue((key, reminder), out var ticks) ? ticks.ToArray() : [];
}
