using System.Diagnostics.Metrics;

namespace CallPing.Runtime.Metrics;

/// <summary>
/// The outbox backlog as last counted. Observable gauge callbacks run synchronously inside a scrape, so the count is
/// taken in the pump's loop instead, at most once per <c>refreshEvery</c>: the pump may loop many times a second.
/// </summary>
internal sealed class OutboxBacklog(TimeProvider time, TimeSpan refreshEvery)
{
    public static readonly TimeSpan DefaultRefreshEvery = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private long? _count;
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;

    /// <summary>The last count, or null before the first.</summary>
    public long? Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Counts the pending effects with <paramref name="countPending"/> (the store's query) when the last count is older than the refresh interval.</summary>
    public async Task RefreshAsync(Func<CancellationToken, Task<long>> countPending, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (time.GetUtcNow() - _countedAt < refreshEvery)
            {
                return;
            }

            // Claimed before counting, so that concurrent loops do not count together.
            _countedAt = time.GetUtcNow();
        }

        var count = await countPending(cancellationToken);
        lock (_lock)
        {
            _count = count;
        }
    }

    /// <summary>The gauge's reading: nothing until counted, so that a process without an outbox pump reports no backlog.</summary>
    public IEnumerable<Measurement<long>> Observe() => Count is { } count ? [new Measurement<long>(count)] : [];
}
