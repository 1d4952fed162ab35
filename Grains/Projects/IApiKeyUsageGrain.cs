using CallPing.Runtime;

namespace CallPing.Grains.Projects;

/// <summary>
/// The last use of a key, for the project's view. Implemented by <see cref="ApiKeyGrain"/> beside the fixed
/// IApiKeyGrain contract, which has no reader for it; it belongs in Grains.Interfaces when that contract is next revised.
/// </summary>
public interface IApiKeyUsageGrain : IGrainWithStringKey
{
    /// <summary>When the key last authenticated (to the minute); null when never or when the hash is unknown.</summary>
    Task<DateTimeOffset?> GetLastUsedAtAsync();
}
