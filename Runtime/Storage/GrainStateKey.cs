namespace CallPing.Runtime.Storage;

/// <summary>Where one grain state lives.</summary>
public readonly record struct GrainStateKey(string GrainType, string GrainKey, string StateName);
