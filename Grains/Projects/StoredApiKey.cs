namespace CallPing.Grains.Projects;

/// <summary>What a project keeps of an API key: never the key, only its SHA-256 hex and what people may see.</summary>
public sealed record StoredApiKey(string KeyId, string Label, string Prefix, string Hash, DateTimeOffset CreatedAt, bool Revoked);
