using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Pbx.Fleet;

/// <summary>The simulated fleet: five PBXes, two on one trunk provider and three on three others.</summary>
public static class SimulatedFleetLayout
{
    public static IReadOnlyList<PbxDescriptor> Pbxes { get; } =
    [
        new("pbx-1", "sim-provider-a"),
        new("pbx-2", "sim-provider-a"),
        new("pbx-3", "sim-provider-b"),
        new("pbx-4", "sim-provider-c"),
        new("pbx-5", "sim-provider-d"),
    ];

    /// <summary>The trunk name a simulated PBX dials through.</summary>
    public static string TrunkOf(PbxDescriptor pbx) => $"trunk-{pbx.Provider[^1]}";
}
