using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace CallPing.Grains.Pbx;

/// <summary>
/// Chooses the PBX for a call try: round-robin in fleet order over the best group of candidates (healthy on an
/// untried provider, healthy on a tried provider, then the same two for degraded), never a down PBX.
/// Stateless apart from a short-lived health snapshot in memory and the silo's <see cref="PbxRotation"/>: a stateless
/// worker, so that every silo routes locally and routing never queues behind another silo.
/// </summary>
[StatelessWorker(1)]
public sealed class PbxRouterGrain(IPbxFleet fleet, PbxRotation rotation, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IPbxRouterGrain
{
    /// <summary>How long a health snapshot of the fleet is reused, so that routing stays cheap under load.</summary>
    private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMilliseconds(250);

    private Dictionary<string, PbxStatus?> _snapshot = new(StringComparer.Ordinal);
    private DateTimeOffset _snapshotTakenAt;

    public async Task<PbxRoute> RouteAsync(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TriedPbxIds is null)
        {
            throw new ArgumentException("TriedPbxIds is required; pass an empty list for a call's first try.", nameof(request));
        }

        if (request.TriedPbxIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("TriedPbxIds holds an empty PBX id.", nameof(request));
        }

        var pbxes = fleet.All;
        var statuses = await ReadStatusesAsync(pbxes);
        var tried = request.TriedPbxIds.ToHashSet(StringComparer.Ordinal);
        var triedProviders = pbxes.Where(p => tried.Contains(p.PbxId)).Select(p => p.Provider).ToHashSet(StringComparer.Ordinal);
        var preferences = new (PbxStatus Status, bool TriedProvider)[]
        {
            (PbxStatus.Healthy, false), (PbxStatus.Healthy, true), (PbxStatus.Degraded, false), (PbxStatus.Degraded, true),
        };
        foreach (var (status, triedProvider) in preferences)
        {
            var chosen = rotation.Next(pbxes.Count, index => !tried.Contains(pbxes[index].PbxId)
                && statuses[pbxes[index].PbxId] == status && triedProviders.Contains(pbxes[index].Provider) == triedProvider);
            if (chosen >= 0)
            {
                return PbxRoute.To(pbxes[chosen]);
            }
        }

        return PbxRoute.None($"no PBX available: {PbxRefusal.Explain(pbxes, tried, statuses)}");
    }

    private async Task<IReadOnlyDictionary<string, PbxStatus?>> ReadStatusesAsync(IReadOnlyList<PbxDescriptor> pbxes)
    {
        var now = time.GetUtcNow();
        var fresh = now - _snapshotTakenAt < SnapshotLifetime && pbxes.All(p => _snapshot.ContainsKey(p.PbxId));
        if (fresh)
        {
            return _snapshot;
        }

        var statuses = await Task.WhenAll(pbxes.Select(p => ReadStatusAsync(p.PbxId)));
        _snapshot = pbxes.Select((p, i) => (p.PbxId, Status: statuses[i]))
            .DistinctBy(p => p.PbxId)
            .ToDictionary(p => p.PbxId, p => p.Status, StringComparer.Ordinal);
        _snapshotTakenAt = now;
        return _snapshot;
    }

    /// <summary>A PBX whose health cannot be read right now is treated like a down one rather than failing the route.</summary>
    private async Task<PbxStatus?> ReadStatusAsync(string pbxId)
    {
        try
        {
            return (await grains.GetGrain<IPbxGrain>(pbxId).GetHealthAsync()).Status;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
