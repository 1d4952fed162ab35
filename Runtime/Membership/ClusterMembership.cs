using Microsoft.Extensions.Options;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Membership;

/// <summary>Reads the membership table: which silos are active, dead or stopped.</summary>
public sealed class ClusterMembership(IMembershipTable table, IOptions<SiloOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<SiloView>> GetSilosAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deadAfter = options.Value.DeadAfter;
        return (await table.ListAsync(cancellationToken))
            .Select(s => new SiloView(s.SiloId, s.HostName, s.ProcessId, s.Roles, s.StartedAt, s.HeartbeatAt,
                s.StoppedAt is not null ? SiloStatus.Stopped
                : now - s.HeartbeatAt > deadAfter ? SiloStatus.Dead
                : SiloStatus.Active))
            .ToList();
    }
}
