using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Interfaces.Pbx;

/// <summary>The configured PBXes (or the simulated fleet), as the host provides them to the grains.</summary>
public interface IPbxFleet
{
    /// <summary>Every PBX in configuration order; round-robin follows this order.</summary>
    IReadOnlyList<PbxDescriptor> All { get; }
}
