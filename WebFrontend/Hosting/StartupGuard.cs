using Microsoft.Extensions.Options;

namespace CallPing.WebFrontend.Hosting;

/// <summary>Runs a host so that a bad setting or a refused store ends the process with one clear line, not a stack trace.</summary>
public static class StartupGuard
{
    public static async Task<int> RunAsync(Func<IHost> build)
    {
        IHost? host = null;
        try
        {
            host = build();
            // Preflight outside host start, whose own logger would print a stack trace for these expected failures.
            host.Services.GetService<IStartupValidator>()?.Validate();
            foreach (var check in host.Services.GetServices<IStartupCheck>())
            {
                await check.RunAsync(CancellationToken.None);
            }

            await host.StartAsync();
        }
        catch (OperationCanceledException) when (host?.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested == true)
        {
            // Stopped (SIGTERM) while still starting, e.g. while waiting for a worker silo: an ordinary stop.
            await DisposeAsync(host);
            return 0;
        }
        catch (Exception e) when (Explain(e) is { } reason)
        {
            await Console.Error.WriteLineAsync($"CallPing could not start: {reason}");
            return 2;
        }
        catch (Exception e)
        {
            // No known cause: the whole exception, and an exit code rather than the abort of an unhandled exception.
            await Console.Error.WriteLineAsync($"CallPing could not start: {e}");
            return 1;
        }

        await host.WaitForShutdownAsync();
        await DisposeAsync(host);
        return 0;
    }

    private static async Task DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    /// <summary>A one-line reason for start-up failures caused by configuration or environment; null for bugs.</summary>
    public static string? Explain(Exception e) => e switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        StartupRefusedException refused => refused.Message,
        InvalidOperationException { InnerException: FormatException or InvalidOperationException or ArgumentException } binding
            when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => binding.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => Explain(aggregate.InnerExceptions[0]),
        { InnerException: { } inner } when Explain(inner) is { } reason => reason,
        _ => null,
    };
}
