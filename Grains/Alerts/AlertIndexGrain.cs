using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace CallPing.Grains.Alerts;

/// <summary>
/// A project's alerts (see <see cref="IAlertIndexGrain"/>). Reentrant, and its writes are grouped: a storm's alerts
/// report while one write runs, and all they changed goes into the one next write, each answered after the write that
/// holds its change. Bounded: a resolved alert drops out <see cref="ResolvedKept"/> after it was resolved (it stays
/// reachable by its id), and beyond <see cref="MaxListed"/> alerts the oldest resolved ones go first.
/// </summary>
[Reentrant]
public sealed class AlertIndexGrain(
    [PersistentState("alert-index", GrainStorage.Name)] IPersistentState<AlertIndexState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IAlertIndexGrain
{
    public const int PageSize = 25;

    public static readonly TimeSpan ResolvedKept = TimeSpan.FromDays(7);

    public const int MaxListed = 10_000;

    /// <summary>
    /// The least time between two writes. Each write stores the whole index, up to <see cref="MaxListed"/> listings
    /// (megabytes of JSON): written back to back, a busy project's index took a large share of the node's CPU and of
    /// the store's single writer, and every alert's intake slowed down. A report waits up to this long for its write.
    /// </summary>
    public static readonly TimeSpan WriteSpacing = TimeSpan.FromMilliseconds(500);

    private Dictionary<string, AlertListing> _alerts = [];

    private GroupedWrites? _writes;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alerts = state.State.Alerts.ToDictionary(a => a.AlertId);
        return Task.CompletedTask;
    }

    public async Task<bool> PutAsync(AlertListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentException.ThrowIfNullOrEmpty(listing.AlertId);
        if (state.State.Closed && listing.Status != AlertStatus.Resolved)
        {
            return false;
        }

        if (_alerts.TryGetValue(listing.AlertId, out var known) && Rank(known.Status) >= Rank(listing.Status))
        {
            // Told again (a new activation of the alert, a lost answer): the write that holds it may still be running.
            await Writes.Pending;
            return true;
        }

        _alerts[listing.AlertId] = listing;
        await SaveAsync();
        return true;
    }

    public Task<AlertPage> GetPageAsync(AlertStatus? status, int page)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page);
        var matching = _alerts.Values.Where(a => status is null || a.Status == status)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.AlertId, StringComparer.Ordinal);
        var taken = matching.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * PageSize)).Take(PageSize + 1).ToList();
        var next = taken.Count > PageSize ? page + 1 : (int?)null;
        return Task.FromResult(new AlertPage([.. taken.Take(PageSize)], page, next));
    }

    public async Task CloseAsync()
    {
        if (!state.State.Closed)
        {
            state.State.Closed = true;
            await SaveAsync();
        }

        var open = _alerts.Values.Where(a => a.Status != AlertStatus.Resolved).Select(a => a.AlertId).ToList();
        await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<IAlertGrain>(id).ResolveAsync(AlertGrain.ProjectDeletedActor)));
    }

    private static int Rank(AlertStatus status) => status switch
    {
        AlertStatus.Triggered => 0,
        AlertStatus.Exhausted => 1,
        AlertStatus.Acknowledged => 2,
        _ => 3,
    };

    /// <summary>Stores the index: reports interleave, so its writes are grouped.</summary>
    private GroupedWrites Writes => _writes ??= new GroupedWrites(WriteSnapshotAsync, WriteSpacing);

    private Task SaveAsync() => Writes.SaveAsync();

    private Task WriteSnapshotAsync()
    {
        DropOld();
        state.State.Alerts = [.. _alerts.Values];
        return state.WriteStateAsync();
    }

    /// <summary>Keeps the index bounded; an open alert is never dropped, as deleting the project must find it.</summary>
    private void DropOld()
    {
        var resolved = _alerts.Values.Where(a => a.Status == AlertStatus.Resolved).OrderBy(a => a.ChangedAt).ToList();
        var cutoff = time.GetUtcNow() - ResolvedKept;
        var over = Math.Max(0, _alerts.Count - MaxListed);
        foreach (var (alert, i) in resolved.Select((a, i) => (a, i)))
        {
            if (alert.ChangedAt >= cutoff && i >= over)
            {
                break;
            }

            _alerts.Remove(alert.AlertId);
        }
    }
}
