namespace CallPing.PbxSimulator.Scripting;

/// <summary>A key the simulated callee presses, <paramref name="After"/> the answer.</summary>
/// <param name="Digit">"0"-"9", "*", "#".</param>
/// <param name="After">Time from the answer to the key's release (when ARI reports it).</param>
public sealed record ScriptedKey(string Digit, TimeSpan After);
