using Orleans.Concurrency;

namespace CallPing.Grains.Interfaces.Projects;

/// <summary>Per phone number call limit, across all alerts and projects, so that an alert storm cannot ring one phone without end. Key: the number's key (NumberKeys), never the number itself.</summary>
[Alias("callping.INumberGrain")]
public interface INumberGrain : IGrainWithStringKey
{
    /// <summary>Reserves one call to this number for the alert; false when the number's limit is reached.</summary>
    /// <remarks>Interleaves: a storm's reservations share writes instead of queueing for one each.</remarks>
    [Alias("TryReserveCall")]
    [AlwaysInterleave]
    Task<bool> TryReserveCallAsync(string alertId);

    /// <summary>
    /// Reserves one call to this number asked for from the portal (a verification or test call), counted apart from the
    /// alerts' calls so that testing a phone never uses up its alerts; null when reserved, else how long to wait.
    /// </summary>
    [Alias("TryReservePortalCall")]
    [AlwaysInterleave]
    Task<TimeSpan?> TryReservePortalCallAsync(string callId);
}
