namespace CallPing.Runtime;

/// <summary>Runs the effects of one kind. Must be idempotent by <see cref="OutboxMessage.IdempotencyKey"/>: it may run more than once.</summary>
public interface IOutboxHandler
{
    /// <summary>The effect kind this handler runs.</summary>
    string Kind { get; }

    /// <summary>Runs one effect; throwing makes the outbox retry it later.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
