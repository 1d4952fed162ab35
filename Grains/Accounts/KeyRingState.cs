namespace CallPing.Grains.Accounts;

/// <summary>Stored state of a Data Protection key ring: its key elements by name, as XML text.</summary>
[GenerateSerializer, Alias("callping.KeyRingState")]
public sealed class KeyRingState
{
    [Id(0)]
    public Dictionary<string, string> Elements { get; set; } = [];
}
