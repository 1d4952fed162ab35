namespace CallPing.Runtime.Storage;

/// <summary>Grain state with optimistic concurrency.</summary>
public interface IGrainStateStore
{
    /// <summary>The stored state, or null when none was ever written.</summary>
    Task<StoredState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes (or, with null <paramref name="json"/>, clears) the state if its version still is <paramref name="etag"/>,
    /// and inserts <paramref name="effects"/> into the outbox in the same transaction. Returns the new ETag.
    /// </summary>
    /// <exception cref="InconsistentStateException">Another writer changed the state first.</exception>
    Task<string> WriteAsync(GrainStateKey key, string? json, string? etag, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken);
}
