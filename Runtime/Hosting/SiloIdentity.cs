using System.Security.Cryptography;

namespace CallPing.Runtime.Hosting;

/// <summary>Who this process is in the cluster.</summary>
public sealed record SiloIdentity(string Id, SiloRoles Roles, DateTimeOffset StartedAt)
{
    public static SiloIdentity Create(SiloOptions options, TimeProvider time) => new(
        string.IsNullOrWhiteSpace(options.SiloId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"
            : options.SiloId,
        options.ParsedRoles,
        time.GetUtcNow());
}
