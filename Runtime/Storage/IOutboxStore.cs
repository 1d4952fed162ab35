namespace CallPing.Runtime.Storage;

/// <summary>Durable queue of effects; completed rows are kept so that an idempotency key is never run twice.</summary>
public interface IOutboxStore
{
    /// <summary>Inserts effects; an idempotency key already present is ignored.</summary>
    Task EnqueueAsync(IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due effects for <paramref name="claimFor"/>: unpinned ones and those pinned to a
    /// lease <paramref name="siloId"/> holds. Unfinished claims of a dead silo expire.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string siloId, int max, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>On a graceful stop: gives back every unfinished claim of <paramref name="siloId"/> so another silo runs it at once.</summary>
    Task ReleaseClaimsAsync(string siloId, CancellationToken cancellationToken);

    /// <summary>Marks an effect done.</summary>
    Task CompleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Releases a failed effect to be tried again after <paramref name="retryAfter"/>, if <paramref name="siloId"/> still holds its claim.</summary>
    Task RetryAsync(long id, string siloId, TimeSpan retryAfter, string error, CancellationToken cancellationToken);

    /// <summary>Effects not yet completed.</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);
}
