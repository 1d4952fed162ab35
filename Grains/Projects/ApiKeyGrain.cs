using Microsoft.Extensions.DependencyInjection;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.Grains.Projects;

/// <summary>
/// One API key, found by the SHA-256 hex of the key. Alert intake authenticates every request here, so the last
/// use is written at most once per <see cref="LastUseWriteInterval"/>: a hot key costs one write a minute, not one per alert.
/// </summary>
public sealed class ApiKeyGrain(
    [PersistentState("apikey", GrainStorage.Name)] IPersistentState<ApiKeyState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IApiKeyGrain
{
    public static readonly TimeSpan LastUseWriteInterval = TimeSpan.FromMinutes(1);

    private ApiKeyState Key => state.State;

    public async Task RegisterAsync(string projectId, string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (state.RecordExists)
        {
            if (Key.ProjectId == projectId && Key.KeyId == keyId)
            {
                return;
            }

            throw new InvalidOperationException("This key hash is registered to another key already.");
        }

        Key.ProjectId = projectId;
        Key.KeyId = keyId;
        await state.WriteStateAsync();
    }

    public async Task<string?> AuthenticateAsync()
    {
        if (!state.RecordExists || Key.Revoked)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (Key.LastUsedAt is not { } last || now - last >= LastUseWriteInterval)
        {
            Key.LastUsedAt = now;
            await state.WriteStateAsync();
        }

        return Key.ProjectId;
    }

    public async Task RevokeAsync()
    {
        if (!state.RecordExists || Key.Revoked)
        {
            return;
        }

        Key.Revoked = true;
        await state.WriteStateAsync();
    }

    public Task<DateTimeOffset?> GetLastUsedAtAsync() => Task.FromResult(state.RecordExists ? Key.LastUsedAt : null);
}
