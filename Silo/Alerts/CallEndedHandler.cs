using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Silo.Alerts;

/// <summary>Tells an alert that one of its calls ended; the alert takes each notice once, so a re-run is harmless.</summary>
internal sealed class CallEndedHandler(IGrainFactory grains) : IOutboxHandler
{
    public string Kind => CallEndedNotice.Kind;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var notice = message.ReadPayload<CallEndedNotice>();
        return grains.GetGrain<IAlertGrain>(notice.AlertId).OnCallEndedAsync(notice);
    }
}
