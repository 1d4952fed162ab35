using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CallPing.Runtime.Activation;

namespace CallPing.Runtime.Hosting;

/// <summary>Every silo: collects activations idle for longer than GrainRuntime:IdleCollectionAfter.</summary>
internal sealed class IdleCollector(GrainCatalog catalog, IOptions<GrainRuntimeOptions> options, ILogger<IdleCollector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromTicks(Math.Clamp(options.Value.IdleCollectionAfter.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromMinutes(1).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, stoppingToken);
            var collected = catalog.CollectIdle();
            if (collected > 0)
            {
                logger.LogDebug("Collected {Count} idle activations; {Remaining} remain", collected, catalog.ActivationCount);
            }
        }
    }
}
