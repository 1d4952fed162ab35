using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.Grains.Accounts;

/// <summary>The cluster's Data Protection key ring, in the store (see <see cref="IKeyRingGrain"/>).</summary>
public sealed class KeyRingGrain(
    [PersistentState("keyring", GrainStorage.Name)] IPersistentState<KeyRingState> state) : Grain, IKeyRingGrain
{
    public Task<IReadOnlyList<string>> GetElementsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Elements.Values]);

    public async Task StoreAsync(string name, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        if (state.State.Elements.TryAdd(name, xml))
        {
            await state.WriteStateAsync();
        }
    }
}
