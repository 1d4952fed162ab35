namespace CallPing.Runtime.Activation;

/// <summary>One queued turn: a call, a reminder delivery or a timer tick.</summary>
internal sealed class GrainWorkItem(Func<Grain, Task<object?>> invoke, string description)
{
    private volatile bool _abandoned;

    public Func<Grain, Task<object?>> Invoke { get; } = invoke;

    public string Description { get; } = description;

    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the caller stopped waiting (timeout): a turn nobody waits for is not started.</summary>
    public bool IsAbandoned => _abandoned;

    public void Abandon() => _abandoned = true;
}
