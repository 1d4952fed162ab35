using System.Reflection;

namespace CallPing.Runtime.Activation;

/// <summary>Creates grain references. The catalog is resolved lazily because activations need the factory too.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, Lazy<GrainCatalog> catalog) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string primaryKey) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        var type = registry.ForInterface(typeof(TGrain));
        var proxy = DispatchProxy.Create<TGrain, GrainReference>();
        ((GrainReference)(object)proxy).Bind(catalog.Value, new GrainId(type.Name, primaryKey));
        return proxy;
    }
}
