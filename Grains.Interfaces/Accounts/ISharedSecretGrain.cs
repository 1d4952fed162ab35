namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>A secret every web process must share (the session signing key), generated once. Key: the secret's name.</summary>
[Alias("callping.ISharedSecretGrain")]
public interface ISharedSecretGrain : IGrainWithStringKey
{
    /// <summary>The stored secret; the first caller's candidate becomes it.</summary>
    [Alias("GetOrCreate")]
    Task<byte[]> GetOrCreateAsync(byte[] candidate);
}
