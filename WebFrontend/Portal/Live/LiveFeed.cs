using System.Globalization;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Portal.Live;

/// <summary>
/// A server-sent event stream of one live region's version (see <see cref="LiveVersion"/>): it reads what the region
/// shows once a <see cref="PollInterval"/> and sends a "version" event when that changed. Polling the grain the page
/// reads keeps one source of truth and works from any web node; a connection holds only its last version, ends when
/// the browser goes and after <see cref="Lifetime"/> at the latest (EventSource connects again, through the
/// session and role checks again). A user has at most <see cref="OpenFeeds.PerUser"/> open on one node; one more gets 429.
/// </summary>
public static class LiveFeed
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long EventSource waits before it connects again after the stream ended.</summary>
    public static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    public static async Task StreamAsync<T>(HttpContext context, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(read);
        var feeds = context.RequestServices.GetRequiredService<OpenFeeds>();
        var userId = context.User.UserId();
        if (!feeds.TryOpen(userId))
        {
            await TypedResults.Problem(
                    $"This account already has {OpenFeeds.PerUser} live views open; close some tabs and reload. The page works without live updates.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many live views")
                .ExecuteAsync(context);
            return;
        }

        try
        {
            await StreamOpenAsync(context, read);
        }
        finally
        {
            feeds.Close(userId);
        }
    }

    private static async Task StreamOpenAsync<T>(HttpContext context, Func<Task<T>> read)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        // Proxies such as nginx would otherwise hold the events back.
        response.Headers["X-Accel-Buffering"] = "no";
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        lifetime.CancelAfter(Lifetime);
        var token = lifetime.Token;
        try
        {
            await response.WriteAsync($"retry: {((int)Reconnect.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}\n\n", token);
            string? sent = null;
            while (!token.IsCancellationRequested)
            {
                var version = LiveVersion.Of(await read());
                if (version != sent)
                {
                    await response.WriteAsync($"event: version\ndata: {version}\n\n", token);
                    await response.Body.FlushAsync(token);
                    sent = version;
                }

                await Task.Delay(PollInterval, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The browser left, or the stream's lifetime is over: either way the response simply ends.
        }
    }
}
