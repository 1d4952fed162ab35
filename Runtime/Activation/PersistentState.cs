using System.Text.Json;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Activation;

/// <summary>A grain state stored as JSON with an ETag; writes carry the call's queued outbox effects.</summary>
internal sealed class PersistentState<TState>(IGrainStateStore store, GrainStateKey key, ActivationContext context)
    : IPersistentState<TState>, ILoadableState where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public Task LoadAsync() => ReadStateAsync();

    public async Task<bool> IsStaleAsync() => (await store.ReadAsync(key, CancellationToken.None))?.Etag != Etag;

    public async Task ReadStateAsync()
    {
        var stored = await store.ReadAsync(key, CancellationToken.None);
        Etag = stored?.Etag;
        RecordExists = stored?.Json is not null;
        State = stored?.Json is { } json ? JsonSerializer.Deserialize<TState>(json, JsonDefaults.Options) ?? new() : new();
    }

    public async Task WriteStateAsync()
    {
        var json = JsonSerializer.Serialize(State, JsonDefaults.Options);
        var effects = context.TakePendingEffects();
        Etag = await store.WriteAsync(key, json, Etag, effects, CancellationToken.None);
        RecordExists = true;
        context.OnEffectsCommitted(effects.Count);
    }

    public async Task ClearStateAsync()
    {
        var effects = context.TakePendingEffects();
        Etag = await store.WriteAsync(key, null, Etag, effects, CancellationToken.None);
        RecordExists = false;
        State = new();
        context.OnEffectsCommitted(effects.Count);
    }
}
