namespace CallPing.Runtime.Storage;

/// <summary>Silos and their heartbeats.</summary>
public interface IMembershipTable
{
    /// <summary>Inserts the silo or records a heartbeat for it.</summary>
    Task HeartbeatAsync(SiloRecord silo, CancellationToken cancellationToken);

    /// <summary>Records a clean stop.</summary>
    Task MarkStoppedAsync(string siloId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SiloRecord>> ListAsync(CancellationToken cancellationToken);
}
