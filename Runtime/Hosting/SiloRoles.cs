namespace CallPing.Runtime.Hosting;

/// <summary>What a process does; the single-node default is both.</summary>
[Flags]
public enum SiloRoles
{
    None = 0,

    /// <summary>HTTP endpoints.</summary>
    Web = 1,

    /// <summary>PBX leases and ARI connections, reminders, outbox.</summary>
    Worker = 2,
}
