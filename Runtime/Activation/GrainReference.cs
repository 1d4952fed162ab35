using System.Reflection;

namespace CallPing.Runtime.Activation;

/// <summary>
/// The proxy behind every grain interface handed out by <see cref="IGrainFactory"/>: each call becomes a turn
/// on the grain's activation. Public only because <see cref="DispatchProxy"/> derives from it.
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainCatalog? _catalog;

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; private set; }

    internal void Bind(GrainCatalog catalog, GrainId grainId)
    {
        _catalog = catalog;
        GrainId = grainId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var catalog = _catalog ?? throw new InvalidOperationException("Grain reference used before it was bound.");
        var invoker = GrainMethodInvoker.For(targetMethod);
        var result = catalog.InvokeAsync(GrainId, grain => invoker.InvokeOnGrain(grain, args), invoker.Name);
        return invoker.ToReturnType(result);
    }
}
