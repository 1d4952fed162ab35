namespace CallPing.Grains.Interfaces.Models;

/// <summary>A channel this PBX originated is gone, and how its try ended.</summary>
[GenerateSerializer, Immutable, Alias("callping.ChannelEnded")]
public sealed record ChannelEnded([property: Id(0)] string ChannelId, [property: Id(1)] PbxCallResult Result);
