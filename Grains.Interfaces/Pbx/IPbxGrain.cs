using CallPing.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace CallPing.Grains.Interfaces.Pbx;

/// <summary>
/// One PBX: its health (healthy, degraded, down), trunk provider, counters and last errors, and, on the silo where it is
/// active, the PBX's one ARI connection in the cluster. Key: the PBX id.
/// A call's operations interleave with everything, so that calls never queue behind each other's ARI requests; keeping
/// the connection and recording its health run one at a time.
/// </summary>
[Alias("callping.IPbxGrain")]
public interface IPbxGrain : IGrainWithStringKey
{
    /// <summary>Keeps the PBX's connection up: every silo calls this every second, so a dead silo's PBX comes back on another.</summary>
    [Alias("KeepConnected")]
    Task KeepConnectedAsync();

    /// <summary>Originates one try; a failure (socket down, ARI error) is answered, not thrown, so the call fails over.</summary>
    [Alias("Dial")]
    [AlwaysInterleave]
    Task<DialResult> DialAsync(DialCommand dial);

    /// <summary>
    /// Whether a channel this PBX was asked to originate is still live (asked by a call that lost track of its try after
    /// a crash); false when the PBX does not have it, so the call counts the try's end as unknown.
    /// </summary>
    [Alias("IsLive")]
    [AlwaysInterleave]
    Task<bool> IsLiveAsync(string channelId);

    /// <summary>Plays media on an answered try; a channel that is gone has nothing to play to.</summary>
    [Alias("Play")]
    [AlwaysInterleave]
    Task PlayAsync(PlayCommand play);

    /// <summary>Hangs a try up; a channel already gone counts as hung up.</summary>
    [Alias("HangUp")]
    [AlwaysInterleave]
    Task HangUpAsync(string channelId);

    /// <summary>Sets the facts that come from configuration.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(PbxConfiguration configuration);

    /// <summary>Notes in the PBX's health that it failed to fetch or play media by URL (<paramref name="detail"/> names it).</summary>
    [Alias("RecordMediaFailure")]
    Task RecordMediaFailureAsync(string detail);

    /// <summary>Records one health check: the ARI ping answered or failed.</summary>
    [Alias("RecordPing")]
    Task RecordPingAsync(PbxPing ping);

    /// <summary>Records the event WebSocket connecting or dropping, and which silo holds it.</summary>
    [Alias("RecordConnection")]
    Task RecordConnectionAsync(PbxConnection connection);

    /// <summary>Records how a call try placed on this PBX ended; consecutive trunk failures degrade it.</summary>
    [Alias("RecordCallOutcome")]
    [AlwaysInterleave]
    Task RecordCallOutcomeAsync(PbxCallResult result);

    /// <summary>A channel this PBX originated is gone: it is no longer checked after a reconnect, and its outcome counts.</summary>
    [Alias("OnChannelEnded")]
    [AlwaysInterleave]
    Task OnChannelEndedAsync(ChannelEnded ended);

    /// <summary>The channels this PBX originated whose end it has not seen, to look at after its events resume.</summary>
    [Alias("GetLiveChannels")]
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> GetLiveChannelsAsync();

    /// <summary>The PBX's current health as the router, the status page and admin see it.</summary>
    [Alias("GetHealth")]
    [AlwaysInterleave]
    Task<PbxHealth> GetHealthAsync();
}
