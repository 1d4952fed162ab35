using Microsoft.Extensions.Logging;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Leases;

/// <summary>
/// A lease this silo holds and renews in the background (every third of its duration) until disposed.
/// <see cref="Lost"/> is cancelled when a renewal is refused, and also, by a timer, shortly before the last
/// successful renewal expires, so that the guarded work stops before another silo can take the lease.
/// </summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly ILeaseTable _table;
    private readonly TimeSpan _duration;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private HeldLease(ILeaseTable table, string name, string holder, TimeSpan duration, TimeSpan heldFor, ILogger logger)
    {
        _table = table;
        Name = name;
        Holder = holder;
        _duration = duration;
        _logger = logger;
        _lost.CancelAfter(heldFor);
        _renewing = Task.Run(RenewAsync);
    }

    public string Name { get; }

    public string Holder { get; }

    public CancellationToken Lost => _lost.Token;

    /// <summary>Takes the lease if it is free or expired; null when another holder has it.</summary>
    public static async Task<HeldLease?> TryAcquireAsync(ILeaseTable table, string name, string holder, TimeSpan duration, ILogger logger, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        return await table.TryAcquireAsync(name, holder, duration, cancellationToken)
            ? new HeldLease(table, name, holder, duration, SafeHold(duration, started), logger)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                await _table.ReleaseAsync(Name, Holder, CancellationToken.None);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Could not release lease {Lease}; it expires by itself", Name);
            }
        }

        // _lost stays undisposed: holders may still read Lost after disposing the lease.
        _stop.Dispose();
    }

    /// <summary>How long a lease written at <paramref name="writeStarted"/> is surely ours: its duration from the start of the write, less a margin for clock drift.</summary>
    private static TimeSpan SafeHold(TimeSpan duration, DateTime writeStarted) =>
        TimeSpan.FromTicks(Math.Max(0, (duration - (duration / 10) - (DateTime.UtcNow - writeStarted)).Ticks));

    private async Task RenewAsync()
    {
        while (!_stop.IsCancellationRequested && !_lost.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_duration / 3, _stop.Token);
                var started = DateTime.UtcNow;
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _lost.Token);
                limit.CancelAfter(_duration / 3);
                if (!await _table.TryAcquireAsync(Name, Holder, _duration, limit.Token))
                {
                    _logger.LogWarning("Lease {Lease} was taken by another holder", Name);
                    await _lost.CancelAsync();
                    return;
                }

                _lost.CancelAfter(SafeHold(_duration, started));
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested || _lost.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The timer set at the last success cancels Lost if renewals keep failing until expiry.
                _logger.LogWarning(e, "Renewing lease {Lease} failed; retrying until it expires", Name);
            }
        }
    }
}
