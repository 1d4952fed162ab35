using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Interfaces.Pbx;

/// <summary>Chooses the PBX for each call try. A stateless worker: it runs on the calling silo; use the key <see cref="Key"/>.</summary>
[Alias("callping.IPbxRouterGrain")]
public interface IPbxRouterGrain : IGrainWithStringKey
{
    public const string Key = "router";

    /// <summary>
    /// Round-robin over healthy PBXes, skipping those already tried for this call and preferring a trunk provider
    /// not yet tried; degraded PBXes only when no healthy one is left; a refusal when none is available.
    /// </summary>
    [Alias("Route")]
    Task<PbxRoute> RouteAsync(RouteRequest request);
}
