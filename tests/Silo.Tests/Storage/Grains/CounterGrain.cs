namespace CallPing.Silo.Tests.Storage.Grains;

public sealed class CounterGrain([PersistentState(CounterGrain.StateName, "callping")] IPersistentState<CounterState> state)
    : Grain, ICounterGrain
{
    public const string StateName = "counter";

    public async Task<int> IncrementAsync(string label)
    {
        state.State.Label = label;
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<CounterState> GetAsync() => Task.FromResult(state.State);
}
