namespace CallPing.Runtime.Storage;

/// <summary>An outbox effect queued by a grain call, not yet committed.</summary>
/// <param name="Kind">Selects the handler.</param>
/// <param name="IdempotencyKey">Unique per effect.</param>
/// <param name="Payload">JSON payload.</param>
/// <param name="Lease">When set, only the holder of this lease runs the effect.</param>
public sealed record PendingEffect(string Kind, string IdempotencyKey, string Payload, string? Lease = null);
