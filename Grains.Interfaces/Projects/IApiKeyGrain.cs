namespace CallPing.Grains.Interfaces.Projects;

/// <summary>Finds the project of an API key. Key: the SHA-256 hex of the full key, so that the key itself is never stored.</summary>
[Alias("callping.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Binds this key hash to its project (called by the project when it issues the key).</summary>
    [Alias("Register")]
    Task RegisterAsync(string projectId, string keyId);

    /// <summary>The project this key belongs to, recording the use; null for an unknown or revoked key.</summary>
    [Alias("Authenticate")]
    Task<string?> AuthenticateAsync();

    /// <summary>Stops the key from authenticating.</summary>
    [Alias("Revoke")]
    Task RevokeAsync();

    /// <summary>When the key last authenticated (to the minute); null when never or when the hash is unknown.</summary>
    [Alias("GetLastUsedAt")]
    Task<DateTimeOffset?> GetLastUsedAtAsync();
}
