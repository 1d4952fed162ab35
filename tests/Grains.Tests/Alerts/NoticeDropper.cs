using System.Collections.Concurrent;
using CallPing.Grains.Interfaces.Alerts;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>
/// Loses a call's one-way end notice on its way into an alert, as a message lost between silos would be: the alert's
/// turn never runs, while the call believes it told the alert. Armed per alert, for one notice.
/// </summary>
public sealed class NoticeDropper : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, byte> _armed = new();
    private readonly ConcurrentDictionary<string, int> _lost = new();

    /// <summary>The next end notice to this alert is lost.</summary>
    public void LoseNextNoticeTo(string alertId) => _armed[alertId] = 0;

    /// <summary>How many notices to this alert were lost.</summary>
    public int LostNoticesTo(string alertId) => _lost.GetValueOrDefault(alertId);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IAlertGrain.OnCallEndedAsync)
            && _armed.TryRemove(context.TargetId.Key.ToString(), out _))
        {
            _lost.AddOrUpdate(context.TargetId.Key.ToString(), 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        return context.Invoke();
    }
}
