namespace CallPing.Runtime;

/// <summary>A grain's durable state, injected through a constructor parameter marked with <see cref="PersistentStateAttribute"/>.</summary>
public interface IPersistentState<TState> where TState : new()
{
    /// <summary>The state as last read or written by this activation.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored record this activation last saw; null when none exists.</summary>
    string? Etag { get; }

    /// <summary>Whether a record exists in the store.</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from the store.</summary>
    Task ReadStateAsync();

    /// <summary>
    /// Writes the state, together with every outbox effect queued during this call, in one transaction.
    /// Losing an ETag race raises <see cref="InconsistentStateException"/>; the runtime then reloads and re-runs the call.
    /// </summary>
    Task WriteStateAsync();

    /// <summary>Deletes the state (and commits queued effects), resetting <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync();
}
