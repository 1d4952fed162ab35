using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Activation;

/// <summary>This process's activations, keyed by grain id; the entry point of every grain call.</summary>
internal sealed class GrainCatalog(
    GrainTypeRegistry registry,
    GrainActivator activator,
    IRuntimeStore store,
    IOptions<GrainRuntimeOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ILogger _activationLogger = loggerFactory.CreateLogger<GrainActivation>();

    public int ActivationCount => _activations.Count;

    /// <summary>Runs <paramref name="call"/> as a turn of the grain and waits for it, at most the call timeout.</summary>
    public async Task<object?> InvokeAsync(GrainId id, Func<Grain, Task<object?>> call, string description)
    {
        var item = new GrainWorkItem(call, description);
        Post(id, item);
        var timeout = options.Value.CallTimeout;
        try
        {
            // Real time on purpose: tests that move the injected clock must not trip call timeouts.
            return await item.Completion.Task.WaitAsync(timeout);
        }
        catch (TimeoutException e) when (e is not GrainCallTimeoutException)
        {
            if (item.Completion.Task.IsCompleted)
            {
                // The turn ended just as the wait ran out (or failed with a timeout of its own): its own result stands.
                return await item.Completion.Task;
            }

            item.Abandon();
            throw new GrainCallTimeoutException($"{description} on {id} did not complete within {timeout.TotalSeconds:0.###} s (a call cycle, or a grain that is stuck).");
        }
    }

    /// <summary>Collects activations idle for longer than the configured period; returns how many were collected.</summary>
    public int CollectIdle()
    {
        var idleSince = time.GetUtcNow() - options.Value.IdleCollectionAfter;
        var collected = 0;
        foreach (var (id, activation) in _activations)
        {
            if (activation.TryClose(idleSince) && _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation)))
            {
                collected++;
            }
        }

        return collected;
    }

    /// <summary>Closes every idle activation at shutdown, stopping their timers.</summary>
    public void CloseAll()
    {
        foreach (var (id, activation) in _activations)
        {
            if (activation.TryClose(DateTimeOffset.MaxValue))
            {
                _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
            }
        }
    }

    private void Post(GrainId id, GrainWorkItem item)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(id, NewActivation);
            if (activation.TryPost(item))
            {
                return;
            }

            // Collected between lookup and post: drop it and activate afresh.
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
        }
    }

    private GrainActivation NewActivation(GrainId id) =>
        new(id, registry.ForName(id.Type), activator, new ConflictPolicy(options.Value.ConflictTries, options.Value.CallTimeout / 2), store.SharedByProcesses, time, _activationLogger);
}
