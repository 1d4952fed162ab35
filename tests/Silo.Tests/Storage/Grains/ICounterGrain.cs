namespace CallPing.Silo.Tests.Storage.Grains;

/// <summary>A grain whose state lives in the "callping" storage under the state name "counter".</summary>
[Alias("CallPing.Silo.Tests.Storage.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, labels the state and writes it.</summary>
    [Alias("IncrementAsync")]
    Task<int> IncrementAsync(string label);

    /// <summary>The stored state as this activation holds it.</summary>
    [Alias("GetAsync")]
    Task<CounterState> GetAsync();
}
