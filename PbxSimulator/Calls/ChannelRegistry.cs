using System.Collections.Concurrent;

namespace CallPing.PbxSimulator.Calls;

/// <summary>Live channels by id, and the counter behind their names.</summary>
internal sealed class ChannelRegistry
{
    private readonly ConcurrentDictionary<string, SimChannel> _channels = new();
    private int _sequence;

    public string NextName(string trunk) => $"PJSIP/{trunk}-{Interlocked.Increment(ref _sequence):x8}";

    /// <summary>False when a live channel already has this id.</summary>
    public bool TryAdd(SimChannel channel) => _channels.TryAdd(channel.Id, channel);

    public SimChannel? Find(string id) => _channels.TryGetValue(id, out var channel) ? channel : null;

    public void Remove(SimChannel channel) => _channels.TryRemove(new KeyValuePair<string, SimChannel>(channel.Id, channel));

    public IReadOnlyList<SimChannel> All() => [.. _channels.Values.OrderBy(c => c.CreationTime)];
}
