namespace CallPing.Grains.Interfaces.Models;

/// <summary>A routing question for one call try; TriedPbxIds are the PBXes this call already used.</summary>
[GenerateSerializer, Immutable, Alias("callping.RouteRequest")]
public sealed record RouteRequest([property: Id(0)] IReadOnlyList<string> TriedPbxIds);
