using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Interfaces.Calls;

/// <summary>
/// One call to one number, placed as one or more tries: a try that hits a trunk or PBX failure is placed again at
/// once through another PBX, preferring another trunk provider. Key: the call id ("{alertId}-{attempt}").
/// </summary>
[Alias("callping.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>Routes the first try, stores it and dials it right after. Placing an already placed call returns it unchanged.</summary>
    [Alias("Place")]
    Task<CallView> PlaceAsync(PlaceCallRequest request);

    /// <summary>The callee answered the try (StasisStart, or an Up channel found after a reconnect); recorded on the grain's clock.</summary>
    [Alias("OnAnswered")]
    Task OnAnsweredAsync(string channelId);

    /// <summary>
    /// The PBX's event socket came back while this answered try was live: a key pressed meanwhile was lost, so the callee
    /// hears the menu again and has the whole wait to press again.
    /// </summary>
    [Alias("OnEventsResumed")]
    Task OnEventsResumedAsync(string channelId);

    /// <summary>The callee pressed a key: 1 acknowledges, 2 passes to the next person, 9 repeats the prompt.</summary>
    [Alias("OnKey")]
    Task OnKeyAsync(string channelId, string digit);

    /// <summary>The PBX reports that a playback on a try failed (for a URL: the fetch failed or the audio was unplayable).</summary>
    [Alias("OnPlaybackFailed")]
    Task OnPlaybackFailedAsync(string channelId, string playbackId);

    /// <summary>The alert is over (resolved, acknowledged elsewhere): a live try is hung up.</summary>
    [Alias("Cancel")]
    Task CancelAsync(string reason);

    /// <summary>A try ended; a trunk failure is placed again at once elsewhere.</summary>
    [Alias("OnTryEnded")]
    Task OnTryEndedAsync(TryEnded ended);

    /// <summary>The call with every try.</summary>
    [Alias("Get")]
    Task<CallView> GetAsync();
}
