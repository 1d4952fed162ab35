namespace CallPing.Silo.Tests.Storage.Grains;

/// <summary>Another grain type with the same state type as the counter but its own state name, "tally".</summary>
[Alias("CallPing.Silo.Tests.Storage.ITallyGrain")]
public interface ITallyGrain : IGrainWithStringKey
{
    /// <summary>Adds one, labels the state and writes it.</summary>
    [Alias("IncrementAsync")]
    Task<int> IncrementAsync(string label);
}
