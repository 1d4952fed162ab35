namespace CallPing.Grains.Interfaces.Models;

/// <summary>A PBX of the fleet: its id and the trunk provider behind it.</summary>
public sealed record PbxDescriptor(string PbxId, string Provider);
