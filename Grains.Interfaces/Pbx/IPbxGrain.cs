using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Grains.Interfaces.Pbx;

/// <summary>One PBX's health (healthy, degraded, down), its trunk provider, counters and last errors. Key: the PBX id.</summary>
public interface IPbxGrain : IGrainWithStringKey
{
    /// <summary>Sets the facts that come from configuration; the driver calls it when it takes the PBX.</summary>
    Task ConfigureAsync(PbxConfiguration configuration);

    /// <summary>Records one health check: the ARI ping answered or failed.</summary>
    Task RecordPingAsync(PbxPing ping);

    /// <summary>Records the event WebSocket connecting or dropping, and which silo drives the PBX.</summary>
    Task RecordConnectionAsync(PbxConnection connection);

    /// <summary>Records how a call try placed on this PBX ended; consecutive trunk failures degrade it.</summary>
    Task RecordCallOutcomeAsync(PbxCallResult result);

    /// <summary>The PBX's current health as the router, the status page and admin see it.</summary>
    Task<PbxHealth> GetHealthAsync();
}
