namespace CallPing.Runtime;

/// <summary>
/// Queues effects outside the grain (dial a number, write an audit row, ...). Injected into a grain's constructor.
/// Queued effects are committed in the same transaction as the grain's next state write (or alone when the call
/// ends without one) and run after commit, at least once, by the <see cref="IOutboxHandler"/> for their kind.
/// A call that fails drops what it queued.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Queues an effect. A second effect with the same idempotency key is ignored by the store.
    /// With <paramref name="lease"/>, only the silo holding that lease runs it ("pbx:pbx-3": the silo driving that PBX);
    /// it waits while nobody holds the lease.
    /// </summary>
    void Enqueue<TPayload>(string kind, string idempotencyKey, TPayload payload, string? lease = null);
}
