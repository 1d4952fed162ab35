using System.Text.Json;
using CallPing.Runtime.Reminders;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Activation;

/// <summary>What one grain instance shares with the runtime: identity, its queued effects and its timers.</summary>
internal sealed class ActivationContext(
    GrainActivation activation,
    IGrainFactory grainFactory,
    ReminderRegistry reminders,
    IOutboxStore outboxStore,
    RuntimeSignals signals,
    TimeProvider time) : IOutbox, IDisposable
{
    private readonly List<IDisposable> _timers = [];
    private List<PendingEffect> _pending = [];

    public GrainId Id => activation.Id;

    public GrainActivation Activation => activation;

    public IGrainFactory GrainFactory => grainFactory;

    public ReminderRegistry Reminders => reminders;

    public IReadOnlyList<ILoadableState> States { get; set; } = [];

    public async Task<bool> AnyStateStaleAsync()
    {
        foreach (var state in States)
        {
            if (await state.IsStaleAsync())
            {
                return true;
            }
        }

        return false;
    }

    public void Enqueue<TPayload>(string kind, string idempotencyKey, TPayload payload, string? lease = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        _pending.Add(new PendingEffect(kind, idempotencyKey, JsonSerializer.Serialize(payload, JsonDefaults.Options), lease));
    }

    /// <summary>Hands the queued effects to a state write, which commits them in its transaction.</summary>
    public IReadOnlyList<PendingEffect> TakePendingEffects()
    {
        var taken = _pending;
        _pending = [];
        return taken;
    }

    public void OnEffectsCommitted(int count)
    {
        if (count > 0)
        {
            signals.Outbox.Set();
        }
    }

    /// <summary>Commits effects queued by a call that wrote no state.</summary>
    public async Task FlushPendingEffectsAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var effects = TakePendingEffects();
        await outboxStore.EnqueueAsync(effects, CancellationToken.None);
        OnEffectsCommitted(effects.Count);
    }

    /// <summary>A timer of this instance: its ticks are turns of the activation; it goes when the instance goes.</summary>
    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(activation, callback, dueTime, period, time);
        _timers.Add(timer);
        return timer;
    }

    public void Dispose()
    {
        _pending = [];
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }
}
