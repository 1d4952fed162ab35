namespace CallPing.Grains.Interfaces.Models;

/// <summary>A newly issued API key; <see cref="Key"/> is shown this once and never stored.</summary>
[GenerateSerializer, Immutable, Alias("callping.IssuedApiKey")]
public sealed record IssuedApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Key,
    [property: Id(2)] string Prefix,
    [property: Id(3)] string Label,
    [property: Id(4)] DateTimeOffset CreatedAt);
