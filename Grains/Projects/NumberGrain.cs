using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.Grains.Projects;

/// <summary>
/// A phone number's call limit: at most <see cref="NumberLimitOptions.MaxCalls"/> calls within a sliding
/// <see cref="NumberLimitOptions.Window"/>, so that an alert storm cannot ring one phone without end; and apart from
/// those, a limit on the verification and test calls anyone may ask for from the portal. Its turns interleave: each
/// decides at once, without awaiting anything, and the reservations made while a write runs share the next one.
/// </summary>
public sealed class NumberGrain(
    [PersistentState("number", GrainStorage.Name)] IPersistentState<NumberState> state,
    IOptions<NumberLimitOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, INumberGrain
{
    private NumberState? _number;
    private GroupedWrites? _writes;

    private NumberLimitOptions Limit => options.Value;

    /// <summary>The working copy; what is written is a copy of it, which interleaved turns cannot change mid-write.</summary>
    private NumberState Number => _number ??= Copy(state.State);

    private List<NumberReservation> Reservations => Number.Reservations;

    public async Task<bool> TryReserveCallAsync(string alertId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        var now = time.GetUtcNow();
        // A reservation leaves the window once it is Window old, so the (MaxCalls+1)th call waits exactly that long.
        // A refusal writes nothing: the pruning is repeated, and kept, with the next reservation.
        Reservations.RemoveAll(r => now - r.At >= Limit.Window);
        if (Reservations.Count >= Limit.MaxCalls)
        {
            return false;
        }

        Reservations.Add(new NumberReservation(alertId, now));
        await SaveAsync();
        return true;
    }

    public async Task<TimeSpan?> TryReservePortalCallAsync(string callId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        var now = time.GetUtcNow();
        var calls = Number.PortalCalls;
        calls.RemoveAll(r => now - r.At >= Limit.PortalWindow);
        if (calls.Count >= Limit.MaxPortalCalls)
        {
            return calls[0].At + Limit.PortalWindow - now;
        }

        calls.Add(new NumberReservation(callId, now));
        await SaveAsync();
        return null;
    }

    private Task SaveAsync() => (_writes ??= new GroupedWrites(() =>
    {
        state.State = Copy(Number);
        return state.WriteStateAsync();
    })).SaveAsync();

    private static NumberState Copy(NumberState number) => new() { Reservations = [.. number.Reservations], PortalCalls = [.. number.PortalCalls] };
}
