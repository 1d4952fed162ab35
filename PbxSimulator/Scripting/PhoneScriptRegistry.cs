using System.Collections.Concurrent;

namespace CallPing.PbxSimulator.Scripting;

/// <summary>Scripts by dialled number (as it appears in the endpoint, e.g. "+15550100").</summary>
public sealed class PhoneScriptRegistry
{
    private readonly ConcurrentDictionary<string, PhoneScript> _scripts = new();

    /// <summary>Used for numbers without a script of their own.</summary>
    public PhoneScript Default { get; set; } = PhoneScript.Default;

    public void Set(string number, PhoneScript script) => _scripts[number] = script;

    public void Remove(string number) => _scripts.TryRemove(number, out _);

    public PhoneScript For(string number) => _scripts.TryGetValue(number, out var script) ? script : Default;
}
