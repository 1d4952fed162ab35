using System.Collections.Concurrent;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.WebFrontend.Intake;

/// <summary>
/// The projects of API keys this web node has seen lately, so that intake asks a key's grain at most once per
/// <see cref="ConfirmedFor"/> per key instead of once per alert. A revoked key is refused on every node within that
/// time (plus one lookup): an entry counts from before the lookup that made it, and nothing else extends it.
/// Unknown and revoked keys are not kept: the per-key rate limit stands before the lookup. A key revoked through this
/// node is forgotten at once (<see cref="Forget"/>), so this node refuses it from then on.
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan ConfirmedFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (string ProjectId, long ConfirmedAt)> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<string?>> _lookups = new(StringComparer.Ordinal);
    private long _forgotten;

    /// <summary>The project of the key with this hash; null for an unknown or revoked key.</summary>
    public async ValueTask<string?> ProjectOfAsync(string keyHash)
    {
        if (_known.TryGetValue(keyHash, out var entry) && time.GetElapsedTime(entry.ConfirmedAt) < ConfirmedFor)
        {
            return entry.ProjectId;
        }

        // One lookup per key at a time: a burst on an expired key waits for the same answer.
        var lookup = _lookups.GetOrAdd(keyHash, LookUpAsync);
        try
        {
            return await lookup;
        }
        finally
        {
            _lookups.TryRemove(KeyValuePair.Create(keyHash, lookup));
        }
    }

    /// <summary>Drops a key this node revoked (its grain refuses it already), so that the next request asks the grain.</summary>
    public void Forget(string keyHash)
    {
        Interlocked.Increment(ref _forgotten);
        _known.TryRemove(keyHash, out _);
    }

    private async Task<string?> LookUpAsync(string keyHash)
    {
        var askedAt = time.GetTimestamp();
        var forgottenBefore = Interlocked.Read(ref _forgotten);
        var projectId = await grains.GetGrain<IApiKeyGrain>(keyHash).AuthenticateAsync();
        // A lookup that a revocation overtook may carry the key's answer from before it: not kept, so it cannot outlive the revocation.
        if (projectId is null || Interlocked.Read(ref _forgotten) != forgottenBefore)
        {
            _known.TryRemove(keyHash, out _);
        }
        else
        {
            _known[keyHash] = (projectId, askedAt);
        }

        return projectId;
    }
}
