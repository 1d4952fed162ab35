namespace CallPing.Runtime.Activation;

/// <summary>In-process wake-ups so that a new outbox row or a near reminder is handled at once, not at the next poll.</summary>
public sealed class RuntimeSignals
{
    public WakeSignal Outbox { get; } = new();

    public WakeSignal Reminders { get; } = new();
}
