using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CallPing.Runtime.Activation;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Metrics;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Outbox;

/// <summary>Worker module: claims committed effects and runs each through the handler for its kind until it succeeds.</summary>
internal sealed class OutboxPump(
    IOutboxStore outbox,
    IEnumerable<IOutboxHandler> handlers,
    SiloIdentity silo,
    RuntimeSignals signals,
    IOptions<OutboxOptions> options,
    ILogger<OutboxPump> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>Hands this silo's unfinished claims over on a graceful stop; effects are idempotent, so a second run is safe.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await outbox.ReleaseClaimsAsync(silo.Id, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not hand this silo's outbox claims over; they expire by themselves");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await outbox.ClaimAsync(silo.Id, settings.BatchSize, settings.ClaimDuration, stoppingToken);
                await Task.WhenAll(claimed.Select(m => RunAsync(m, settings, stoppingToken)));
                await RuntimeMetrics.OutboxBacklog.RefreshAsync(outbox.CountPendingAsync, stoppingToken);
                if (claimed.Count == settings.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox scan failed; retrying in {Delay}", settings.PollInterval);
            }

            await signals.Outbox.WaitAsync(settings.PollInterval, stoppingToken);
        }
    }

    private async Task RunAsync(OutboxMessage message, OutboxOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            if (!_handlers.TryGetValue(message.Kind, out var handler))
            {
                throw new InvalidOperationException($"No outbox handler for kind '{message.Kind}'.");
            }

            // A hung handler must not hold up the silo, nor outlive its claim while another silo runs the effect too.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            limit.CancelAfter(settings.WorkLimit);
            await handler.HandleAsync(message, limit.Token).WaitAsync(limit.Token);
            await outbox.CompleteAsync(message.Id, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            var delay = settings.Backoff(message.Attempt);
            logger.LogWarning(e, "Outbox effect {Kind} {Key} failed (attempt {Attempt}); retrying in {Delay}", message.Kind, message.IdempotencyKey, message.Attempt, delay);
            try
            {
                await outbox.RetryAsync(message.Id, silo.Id, delay, e.Message, stoppingToken);
            }
            catch (Exception retryError) when (!stoppingToken.IsCancellationRequested)
            {
                // The claim expires by itself, and then the effect runs again.
                logger.LogWarning(retryError, "Could not reschedule outbox effect {Id}", message.Id);
            }
        }
    }
}
