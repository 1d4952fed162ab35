namespace CallPing.Grains;

/// <summary>The one grain storage every CallPing grain keeps its state in; each grain type names its own state.</summary>
public static class GrainStorage
{
    public const string Name = "callping";
}
