namespace CallPing.Grains.Interfaces.Models;

/// <summary>A routing question for one call try; TriedPbxIds are the PBXes this call already used.</summary>
public sealed record RouteRequest(IReadOnlyList<string> TriedPbxIds);
