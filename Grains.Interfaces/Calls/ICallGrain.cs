using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Grains.Interfaces.Calls;

/// <summary>
/// One call to one number, placed as one or more tries: a try that hits a trunk or PBX failure is placed again at
/// once through another PBX, preferring another trunk provider. Key: the call id ("{alertId}-{attempt}").
/// </summary>
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>Routes and queues the first try. Placing an already placed call returns it unchanged.</summary>
    Task<CallView> PlaceAsync(PlaceCallRequest request);

    /// <summary>Asked by the driver right before it originates a try; false when it began before (a re-run), so it must not ring again.</summary>
    Task<bool> BeginDialAsync(string channelId);

    /// <summary>The callee answered the try (StasisStart).</summary>
    Task OnAnsweredAsync(string channelId, DateTimeOffset at);

    /// <summary>The callee pressed a key: 1 acknowledges, 2 passes to the next person, 9 repeats the prompt.</summary>
    Task OnKeyAsync(string channelId, string digit);

    /// <summary>The alert is over (resolved, acknowledged elsewhere): a queued try is not dialled, a live one is hung up.</summary>
    Task CancelAsync(string reason);

    /// <summary>A try ended; a trunk failure is placed again at once elsewhere.</summary>
    Task OnTryEndedAsync(TryEnded ended);

    /// <summary>The call with every try.</summary>
    Task<CallView> GetAsync();
}
