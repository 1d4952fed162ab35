using Microsoft.Extensions.Logging;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Leases;

/// <summary>
/// A lease this silo holds and renews in the background (every third of its duration) until disposed.
/// <see cref="Lost"/> is cancelled when it could not be renewed before it expired, so the work it guards must stop.
/// </summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly ILeaseTable _table;
    private readonly TimeSpan _duration;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private HeldLease(ILeaseTable table, string name, string holder, TimeSpan duration, ILogger logger)
    {
        _table = table;
        Name = name;
        Holder = holder;
        _duration = duration;
        _logger = logger;
        _renewing = Task.Run(RenewAsync);
    }

    public string Name { get; }

    public string Holder { get; }

    public CancellationToken Lost => _lost.Token;

    /// <summary>Takes the lease if it is free or expired; null when another holder has it.</summary>
    public static async Task<HeldLease?> TryAcquireAsync(ILeaseTable table, string name, string holder, TimeSpan duration, ILogger logger, CancellationToken cancellationToken) =>
        await table.TryAcquireAsync(name, holder, duration, cancellationToken)
            ? new HeldLease(table, name, holder, duration, logger)
            : null;

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

    private async Task RenewAsync()
    {
        var expires = DateTime.UtcNow + _duration;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_duration / 3, _stop.Token);
                if (!await _table.TryAcquireAsync(Name, Holder, _duration, _stop.Token))
                {
                    _logger.LogWarning("Lease {Lease} was taken by another holder", Name);
                    break;
                }

                expires = DateTime.UtcNow + _duration;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DateTime.UtcNow < expires)
            {
                _logger.LogWarning(e, "Renewing lease {Lease} failed; retrying until it expires", Name);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Lease {Lease} expired while it could not be renewed", Name);
                break;
            }
        }

        await _lost.CancelAsync();
    }
}
