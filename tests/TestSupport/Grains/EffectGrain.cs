using CallPing.Runtime;

namespace CallPing.TestSupport.Grains;

public interface IEffectGrain : IGrainWithStringKey
{
    /// <summary>Records the request in state and queues one effect with the given idempotency key.</summary>
    Task EmitAsync(string idempotencyKey);

    /// <summary>Records the request and queues an effect that only the holder of <paramref name="lease"/> may run.</summary>
    Task EmitPinnedAsync(string idempotencyKey, string lease);

    /// <summary>Queues an effect without writing state.</summary>
    Task EmitWithoutWriteAsync(string idempotencyKey);

    /// <summary>Queues an effect, then fails before writing.</summary>
    Task EmitThenFailAsync(string idempotencyKey);

    Task<int> GetEmittedAsync();
}

public sealed class EffectState
{
    public int Emitted { get; set; }
}

public sealed record TestEffect(string Grain, string Key);

public sealed class EffectGrain([PersistentState("effects")] IPersistentState<EffectState> state, IOutbox outbox) : Grain, IEffectGrain
{
    public const string Kind = "test.effect";

    public async Task EmitAsync(string idempotencyKey)
    {
        state.State.Emitted++;
        outbox.Enqueue(Kind, idempotencyKey, new TestEffect(GetPrimaryKeyString(), idempotencyKey));
        await state.WriteStateAsync();
    }

    public async Task EmitPinnedAsync(string idempotencyKey, string lease)
    {
        state.State.Emitted++;
        outbox.Enqueue(Kind, idempotencyKey, new TestEffect(GetPrimaryKeyString(), idempotencyKey), lease);
        await state.WriteStateAsync();
    }

    public Task EmitWithoutWriteAsync(string idempotencyKey)
    {
        outbox.Enqueue(Kind, idempotencyKey, new TestEffect(GetPrimaryKeyString(), idempotencyKey));
        return Task.CompletedTask;
    }

    public Task EmitThenFailAsync(string idempotencyKey)
    {
        outbox.Enqueue(Kind, idempotencyKey, new TestEffect(GetPrimaryKeyString(), idempotencyKey));
        throw new InvalidOperationException("Planned failure before the state write.");
    }

    public Task<int> GetEmittedAsync() => Task.FromResult(state.State.Emitted);
}
