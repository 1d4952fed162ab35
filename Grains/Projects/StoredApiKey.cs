namespace CallPing.Grains.Projects;

/// <summary>What a project keeps of an API key: never the key, only its SHA-256 hex and what people may see.</summary>
[GenerateSerializer, Immutable, Alias("callping.StoredApiKey")]
public sealed record StoredApiKey([property: Id(0)] string KeyId, [property: Id(1)] string Label, [property: Id(2)] string Prefix, [property: Id(3)] string Hash, [property: Id(4)] DateTimeOffset CreatedAt, [property: Id(5)] bool Revoked);
