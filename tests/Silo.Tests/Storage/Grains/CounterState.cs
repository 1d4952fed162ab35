namespace CallPing.Silo.Tests.Storage.Grains;

/// <summary>A small state with a name and a number, so that the stored JSON shows both.</summary>
[GenerateSerializer, Alias("CallPing.Silo.Tests.Storage.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public string Label { get; set; } = "";

    [Id(1)]
    public int Count { get; set; }
}
