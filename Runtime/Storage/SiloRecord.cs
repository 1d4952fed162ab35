namespace CallPing.Runtime.Storage;

/// <summary>One silo in the membership table.</summary>
public sealed record SiloRecord(
    string SiloId,
    string HostName,
    int ProcessId,
    string Roles,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset? StoppedAt);
