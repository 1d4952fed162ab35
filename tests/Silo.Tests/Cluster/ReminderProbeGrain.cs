namespace CallPing.Silo.Tests.Cluster;

/// <summary>Counts its reminder's ticks in memory: a tick delivered twice (by two silos that both believe they own it) counts twice.</summary>
[GrainType("cluster-reminder-probe")]
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private DateTimeOffset _dueAt;
    private int _fired;
    private TimeSpan? _firstDelay;

    public async Task ScheduleAsync(DateTimeOffset dueAt)
    {
        _dueAt = dueAt;
        await this.RegisterOrUpdateReminder("probe", dueAt - DateTimeOffset.UtcNow, Period);
    }

    public Task<ReminderProbeReport> GetReportAsync() => Task.FromResult(new ReminderProbeReport(_fired, _firstDelay));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _fired++;
        _firstDelay ??= DateTimeOffset.UtcNow - _dueAt;
        return Task.CompletedTask;
    }
}
