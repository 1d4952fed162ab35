using System.Collections.Concurrent;
using CallPing.Runtime.Leases;

namespace CallPing.Silo.Pbx;

/// <summary>The PBXes this worker drives now, each with the lease that entitles it to.</summary>
internal sealed class PbxDrivers
{
    private readonly ConcurrentDictionary<string, (HeldLease Lease, PbxDriver Driver)> _driving = new();

    public IReadOnlyCollection<string> Driving => [.. _driving.Keys];

    public bool TryGet(string pbxId, out PbxDriver driver)
    {
        var found = _driving.TryGetValue(pbxId, out var entry);
        driver = entry.Driver;
        return found;
    }

    public bool IsDriving(string pbxId) => _driving.ContainsKey(pbxId);

    public void Add(HeldLease lease, PbxDriver driver) => _driving[driver.PbxId] = (lease, driver);

    /// <summary>Stops driving the PBX and gives its lease up (unless it was lost already).</summary>
    public async Task StopAsync(string pbxId)
    {
        if (_driving.TryRemove(pbxId, out var entry))
        {
            await entry.Driver.DisposeAsync();
            await entry.Lease.DisposeAsync();
        }
    }

    public Task StopAllAsync() => Task.WhenAll(_driving.Keys.Select(StopAsync));
}
