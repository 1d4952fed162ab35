using CallPing.WebFrontend.Apis;

namespace CallPing.WebFrontend.Hosting;

/// <summary>
/// While the web-only process waits for a worker silo, every request but the probes and the metrics scrape is answered
/// 503 with Retry-After: no grain can answer it yet, and the 500 of a failed grain call would say that something broke.
/// </summary>
public static class UntilJoined
{
    private const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseServiceUnavailableUntilJoined(this IApplicationBuilder app)
    {
        // A silo hosts the grains itself: nothing to wait for.
        if (app.ApplicationServices.GetService<WaitForWorkerSilo>() is not { } joining)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (joining.Joined || HealthApi.IsProbeOrScrape(context.Request.Path))
            {
                await next(context);
                return;
            }

            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                detail: $"This web process is waiting for a worker silo to join the cluster{(joining.Awaited is { } awaited ? $" ({awaited})" : "")}.").ExecuteAsync(context);
        });
    }
}
