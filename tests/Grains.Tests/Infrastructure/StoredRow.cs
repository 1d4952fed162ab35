namespace CallPing.Grains.Tests.Infrastructure;

/// <summary>One row of the OrleansStorage table: the state name a grain gives, its key, the version (ETag) and the state's JSON.</summary>
public sealed record StoredRow(string StateName, string Key, long Version, string Json);
