using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.Grains.Accounts;

/// <summary>A secret generated once for the whole cluster (see <see cref="ISharedSecretGrain"/>).</summary>
public sealed class SharedSecretGrain(
    [PersistentState("sharedsecret", GrainStorage.Name)] IPersistentState<SharedSecretState> state) : Grain, ISharedSecretGrain
{
    public async Task<byte[]> GetOrCreateAsync(byte[] candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!state.RecordExists)
        {
            if (candidate.Length < 32)
            {
                throw new ArgumentException("A shared secret has at least 32 bytes.", nameof(candidate));
            }

            state.State.Secret = candidate;
            await state.WriteStateAsync();
        }

        return state.State.Secret;
    }
}
