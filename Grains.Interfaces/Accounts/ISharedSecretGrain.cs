namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>A secret every process of the cluster must share (the session signing key, the number keys), generated once. Key: the secret's name.</summary>
[Alias("callping.ISharedSecretGrain")]
public interface ISharedSecretGrain : IGrainWithStringKey
{
    /// <summary>The stored secret; the first caller's candidate becomes it.</summary>
    [Alias("GetOrCreate")]
    Task<byte[]> GetOrCreateAsync(byte[] candidate);
}
