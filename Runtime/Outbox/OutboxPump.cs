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
    ILogger<OutboxPump> logger) : ClaimPump<OutboxMessage>(options.Value, signals.Outbox, logger)
{
    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    protected override string QueueName => "outbox";

    protected override Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int max, CancellationToken stoppingToken) =>
        outbox.ClaimAsync(silo.Id, max, Settings.ClaimDuration, stoppingToken);

    protected override Task ReleaseClaimsAsync(CancellationToken cancellationToken) => outbox.ReleaseClaimsAsync(silo.Id, cancellationToken);

    protected override Task AfterBatchAsync(CancellationToken stoppingToken) => RuntimeMetrics.OutboxBacklog.RefreshAsync(outbox.CountPendingAsync, stoppingToken);

    protected override async Task RunAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (!_handlers.TryGetValue(message.Kind, out var handler))
            {
                throw new InvalidOperationException($"No outbox handler for kind '{message.Kind}'.");
            }

            // A hung handler must not hold up the silo, nor outlive its claim while another silo runs the effect too.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            limit.CancelAfter(Settings.WorkLimit);
            await handler.HandleAsync(message, limit.Token).WaitAsync(limit.Token);
            await outbox.CompleteAsync(message.Id, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            var delay = Settings.Backoff(message.Attempt);
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
