using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CallPing.Silo.Tests.Deploy;

/// <summary>One document of a Kubernetes manifest file, read as plain maps, lists and strings.</summary>
public sealed record Manifest(string File, IReadOnlyDictionary<object, object> Root)
{
    public static readonly string Folder = Path.Combine(CallPing.TestSupport.RepositoryPaths.Root, "deploy", "k8s");

    public string Kind => Text(Root, "kind") ?? "";

    public string Name => Text(Root, "metadata.name") ?? "";

    public override string ToString() => $"{File}: {Kind} {Name}";

    /// <summary>Every document of every .yaml file under deploy/k8s.</summary>
    public static IReadOnlyList<Manifest> All()
    {
        var deserializer = new DeserializerBuilder().Build();
        var manifests = new List<Manifest>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var parser = new Parser(new StringReader(System.IO.File.ReadAllText(file)));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                var root = deserializer.Deserialize<Dictionary<object, object>>(parser);
                manifests.Add(new Manifest(Path.GetFileName(file), root));
            }
        }

        return manifests;
    }

    /// <summary>The value at a dotted path ("spec.template.metadata.labels"), or null when any step is missing.</summary>
    public static object? At(object? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = node is IDictionary<object, object> map && map.TryGetValue(step, out var next) ? next : null;
        }

        return node;
    }

    public static string? Text(object? node, string path) => At(node, path) as string;

    public static IReadOnlyDictionary<string, string> Map(object? node, string path) =>
        At(node, path) is IDictionary<object, object> map
            ? map.ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public static IReadOnlyList<object> List(object? node, string path) => At(node, path) as List<object> ?? [];
}
