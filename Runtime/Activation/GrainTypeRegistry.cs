using System.Reflection;

namespace CallPing.Runtime.Activation;

/// <summary>Maps grain interfaces and stored type names to implementations, checked once at start-up.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainType> _byInterface = [];
    private readonly Dictionary<string, GrainType> _byName = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        var implementations = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t));
        foreach (var implementation in implementations)
        {
            Add(implementation);
        }
    }

    public GrainType ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var type)
            ? type
            : throw new InvalidOperationException($"No grain implements {grainInterface.Name}; is its assembly passed to AddGrainRuntime?");

    public GrainType ForName(string name) =>
        _byName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown grain type '{name}'.");

    private void Add(Type implementation)
    {
        var constructors = implementation.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"Grain {implementation.Name} must have exactly one public constructor.");
        }

        var type = new GrainType(implementation.Name, implementation, constructors[0]);
        if (!_byName.TryAdd(type.Name, type))
        {
            throw new InvalidOperationException($"Two grain classes are named {type.Name}; grain type names must be unique.");
        }

        var grainInterfaces = implementation.GetInterfaces()
            .Where(i => typeof(IGrainWithStringKey).IsAssignableFrom(i) && i != typeof(IGrainWithStringKey));
        foreach (var grainInterface in grainInterfaces)
        {
            GrainMethodInvoker.EnsureSupported(grainInterface);
            if (!_byInterface.TryAdd(grainInterface, type))
            {
                throw new InvalidOperationException(
                    $"{grainInterface.Name} is implemented by both {_byInterface[grainInterface].Name} and {type.Name}.");
            }
        }
    }
}
