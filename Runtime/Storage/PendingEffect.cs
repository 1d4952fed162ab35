namespace CallPing.Runtime.Storage;

/// <summary>An outbox effect queued by a grain call, not yet committed.</summary>
public sealed record PendingEffect(string Kind, string IdempotencyKey, string Payload);
