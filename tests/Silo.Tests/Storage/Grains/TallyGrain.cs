namespace CallPing.Silo.Tests.Storage.Grains;

public sealed class TallyGrain([PersistentState(TallyGrain.StateName, "callping")] IPersistentState<CounterState> state)
    : Grain, ITallyGrain
{
    public const string StateName = "tally";

    public async Task<int> IncrementAsync(string label)
    {
        state.State.Label = label;
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }
}
