namespace CallPing.Runtime.Activation;

/// <summary>A grain's identity: its grain type (the implementation's class name) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
