namespace CallPing.Ari.Models;

/// <summary>A Stasis application; channel_ids lists the channels it is subscribed to.</summary>
public sealed record Application
{
    public required string Name { get; init; }

    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    public IReadOnlyList<string> BridgeIds { get; init; } = [];

    public IReadOnlyList<string> EndpointIds { get; init; } = [];

    public IReadOnlyList<string> DeviceNames { get; init; } = [];
}
