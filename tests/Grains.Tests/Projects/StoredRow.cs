namespace CallPing.Grains.Tests.Projects;

/// <summary>One row of the grain_state table.</summary>
public sealed record StoredRow(string GrainType, string Key, long Version, string Data);
