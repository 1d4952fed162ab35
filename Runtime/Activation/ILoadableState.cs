namespace CallPing.Runtime.Activation;

/// <summary>A persistent state as the activator and the per-turn freshness check see it.</summary>
internal interface ILoadableState
{
    Task LoadAsync();

    /// <summary>True when another process wrote this state since this activation last read or wrote it.</summary>
    Task<bool> IsStaleAsync();
}
