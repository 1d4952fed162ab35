using CallPing.Runtime;

namespace CallPing.TestSupport.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds and returns the new value.</summary>
    Task<int> AddAsync(int amount);

    /// <summary>The current value.</summary>
    Task<int> GetAsync();
}

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);
}
