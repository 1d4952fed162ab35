using System.Collections.Concurrent;
using CallPing.TestSupport.Grains;

namespace CallPing.Runtime.Tests.Infrastructure;

/// <summary>
/// Applies test effects the way a real handler must: it records each idempotency key it applied and skips a
/// key it has seen. Failures can be planned before or after applying (the latter is a crash after the effect).
/// </summary>
public sealed class RecordingEffectHandler : IOutboxHandler
{
    private readonly ConcurrentDictionary<string, byte> _appliedKeys = new();

    public string Kind => EffectGrain.Kind;

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public ConcurrentDictionary<string, int> Applied { get; } = new();

    public ConcurrentDictionary<string, int> FailBeforeApply { get; } = new();

    public ConcurrentDictionary<string, int> FailAfterApply { get; } = new();

    /// <summary>How long the effect of a key takes before it is applied.</summary>
    public ConcurrentDictionary<string, TimeSpan> Takes { get; } = new();

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var effect = message.ReadPayload<TestEffect>();
        Attempts.AddOrUpdate(effect.Key, 1, (_, n) => n + 1);
        if (Takes.TryGetValue(effect.Key, out var takes))
        {
            await Task.Delay(takes, cancellationToken);
        }

        ThrowIfPlanned(FailBeforeApply, effect.Key);
        if (_appliedKeys.TryAdd(message.IdempotencyKey, 0))
        {
            Applied.AddOrUpdate(effect.Key, 1, (_, n) => n + 1);
        }

        ThrowIfPlanned(FailAfterApply, effect.Key);
    }

    private static void ThrowIfPlanned(ConcurrentDictionary<string, int> plan, string key)
    {
        if (plan.TryGetValue(key, out var left) && left > 0)
        {
            plan[key] = left - 1;
            throw new InvalidOperationException($"Planned failure of effect {key}.");
        }
    }
}
