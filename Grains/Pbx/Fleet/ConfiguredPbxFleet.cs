using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;

namespace CallPing.Grains.Pbx.Fleet;

/// <summary>The fleet from configuration, or the simulated layout when none is configured.</summary>
public sealed class ConfiguredPbxFleet(IOptions<PbxOptions> options) : IPbxFleet
{
    public IReadOnlyList<PbxDescriptor> All { get; } = options.Value.IsSimulated
        ? SimulatedFleetLayout.Pbxes
        : options.Value.Fleet.Select(p => new PbxDescriptor(p.Id, p.Provider)).ToList();
}
