using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// The rate limits of login, sign-up, TOTP and password reset: per IP address through ASP.NET Core's rate limiting
/// middleware (a policy per kind), and per account here, once the handler knows the account. Both answer 429 with
/// Retry-After. Limits are per web process.
/// </summary>
public sealed class AccountLimits : IDisposable
{
    public const string Login = "login";

    public const string SignUp = "signup";

    public const string Totp = "totp";

    public const string Reset = "reset";

    /// <summary>Invitations an account sends (per account only: each one is an e-mail to someone else).</summary>
    public const string Invite = "invite";

    /// <summary>Test alerts of a project (keyed by the project: each one phones its people).</summary>
    public const string TestAlert = "test-alert";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _perAccount;

    public AccountLimits(int permitsPerMinute)
    {
        _perAccount = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Options(permitsPerMinute)));
    }

    /// <summary>Null when the account may go on; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string kind, string account)
    {
        using var lease = _perAccount.AttemptAcquire($"{kind}:{account}");
        return lease.IsAcquired ? null : RetryAfterOf(lease);
    }

    /// <summary>Adds the per-IP policy of every kind to the rate limiting middleware, and its 429 answer.</summary>
    public static void AddIpPolicies(RateLimiterOptions options, int permitsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var kind in new[] { Login, SignUp, Totp, Reset })
        {
            options.AddPolicy(kind, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Options(permitsPerMinute)));
        }

        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = RetryAfterOf(context.Lease);
            await AccountProblems.TooMany(context.HttpContext, retryAfter).ExecuteAsync(context.HttpContext);
        };
    }

    public void Dispose() => _perAccount.Dispose();

    private static FixedWindowRateLimiterOptions Options(int permitsPerMinute) => new()
    {
        PermitLimit = permitsPerMinute,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static TimeSpan RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Window;
}
