using System.Threading.RateLimiting;

namespace CallPing.WebFrontend.Intake;

/// <summary>
/// One token bucket per API key (partitioned by the key's hash, so the key itself is never held), refilled every second.
/// Unknown keys are limited too: the limit stands before the key lookup so that guessing keys costs the guesser, not the store.
/// </summary>
public sealed class IntakeRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public IntakeRateLimiter(IntakeOptions options)
    {
        _limiter = PartitionedRateLimiter.Create<string, string>(keyHash => RateLimitPartition.GetTokenBucketLimiter(keyHash, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.PermitsPerSecond,
                TokensPerPeriod = options.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Null when the request may go on; otherwise when to try again.</summary>
    public async ValueTask<TimeSpan?> AcquireAsync(string keyHash, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(keyHash, 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
