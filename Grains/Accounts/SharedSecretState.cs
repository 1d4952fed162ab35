namespace CallPing.Grains.Accounts;

/// <summary>Stored state of a shared secret.</summary>
[GenerateSerializer, Alias("callping.SharedSecretState")]
public sealed class SharedSecretState
{
    [Id(0)]
    public byte[] Secret { get; set; } = [];
}
