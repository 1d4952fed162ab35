using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Grains.Interfaces.Pbx;

/// <summary>Chooses the PBX for each call try. Stateless; use one per silo (key: the silo id).</summary>
public interface IPbxRouterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Round-robin over healthy PBXes, skipping those already tried for this call and preferring a trunk provider
    /// not yet tried; degraded PBXes only when no healthy one is left; a refusal when none is available.
    /// </summary>
    Task<PbxRoute> RouteAsync(RouteRequest request);
}
