namespace CallPing.Runtime.Membership;

/// <summary>A silo with its status.</summary>
public sealed record SiloView(string SiloId, string HostName, int ProcessId, string Roles, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt, SiloStatus Status);
