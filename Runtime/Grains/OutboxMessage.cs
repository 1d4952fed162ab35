using System.Text.Json;

namespace CallPing.Runtime;

/// <summary>One queued effect as its handler sees it.</summary>
/// <param name="Id">Store row id.</param>
/// <param name="Kind">Selects the handler.</param>
/// <param name="IdempotencyKey">Unique per effect; handlers use it so that the outside world sees the effect once.</param>
/// <param name="Payload">JSON payload.</param>
/// <param name="Attempt">1 on the first run, then 2, 3, ...</param>
public sealed record OutboxMessage(long Id, string Kind, string IdempotencyKey, string Payload, int Attempt)
{
    /// <summary>Reads the payload as <typeparamref name="T"/>.</summary>
    public T ReadPayload<T>() => JsonSerializer.Deserialize<T>(Payload, JsonDefaults.Options)
        ?? throw new InvalidOperationException($"Outbox message {Id} ({Kind}) has an empty payload.");
}
