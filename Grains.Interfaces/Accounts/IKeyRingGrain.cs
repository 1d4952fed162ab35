namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>
/// The ASP.NET Core Data Protection key ring of the cluster, kept in the store so that every web process encrypts
/// and decrypts with the same keys. Key: the ring's name.
/// </summary>
[Alias("callping.IKeyRingGrain")]
public interface IKeyRingGrain : IGrainWithStringKey
{
    /// <summary>Every key element, as XML text.</summary>
    [Alias("GetElements")]
    Task<IReadOnlyList<string>> GetElementsAsync();

    /// <summary>Adds a key element; an element of the same name is not added twice.</summary>
    [Alias("Store")]
    Task StoreAsync(string name, string xml);
}
