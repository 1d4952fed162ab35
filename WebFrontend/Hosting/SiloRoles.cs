namespace CallPing.WebFrontend.Hosting;

/// <summary>What a process does; the single-node default is both.</summary>
[Flags]
public enum SiloRoles
{
    None = 0,

    /// <summary>HTTP endpoints: intake, alert and admin APIs.</summary>
    Web = 1,

    /// <summary>Grains and the PBX connections (a Silo process only).</summary>
    Worker = 2,
}
