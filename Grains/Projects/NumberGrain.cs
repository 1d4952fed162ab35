using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.Grains.Projects;

/// <summary>
/// A phone number's call limit: at most <see cref="NumberLimitOptions.MaxCalls"/> calls within a sliding
/// <see cref="NumberLimitOptions.Window"/>, so that an alert storm cannot ring one phone without end; and apart from
/// those, a limit on the verification and test calls anyone may ask for from the portal.
/// </summary>
public sealed class NumberGrain(
    [PersistentState("number", GrainStorage.Name)] IPersistentState<NumberState> state,
    IOptions<NumberLimitOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, INumberGrain
{
    private NumberLimitOptions Limit => options.Value;

    private List<NumberReservation> Reservations => state.State.Reservations;

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
        await state.WriteStateAsync();
        return true;
    }

    public async Task<TimeSpan?> TryReservePortalCallAsync(string callId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        var now = time.GetUtcNow();
        var calls = state.State.PortalCalls;
        calls.RemoveAll(r => now - r.At >= Limit.PortalWindow);
        if (calls.Count >= Limit.MaxPortalCalls)
        {
            return calls[0].At + Limit.PortalWindow - now;
        }

        calls.Add(new NumberReservation(callId, now));
        await state.WriteStateAsync();
        return null;
    }
}
