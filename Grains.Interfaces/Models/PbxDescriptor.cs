namespace CallPing.Grains.Interfaces.Models;

/// <summary>A PBX of the fleet: its id and the trunk provider behind it.</summary>
[GenerateSerializer, Immutable, Alias("callping.PbxDescriptor")]
public sealed record PbxDescriptor([property: Id(0)] string PbxId, [property: Id(1)] string Provider);
