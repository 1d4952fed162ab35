namespace CallPing.Runtime;

/// <summary>Hands out references to grains; a reference is cheap and activates nothing by itself.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with the given key.</summary>
    TGrain GetGrain<TGrain>(string primaryKey) where TGrain : IGrainWithStringKey;
}
