namespace CallPing.Grains.Interfaces.Models;

/// <summary>An API key without its secret: "cp_live_AbCd" prefix for recognition, when used last.</summary>
[GenerateSerializer, Immutable, Alias("callping.ApiKeyView")]
public sealed record ApiKeyView(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] string Prefix,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? LastUsedAt,
    [property: Id(5)] bool Revoked);
