using CallPing.Runtime.Hosting;
using CallPing.Runtime.Leases;
using CallPing.Runtime.Storage;

namespace CallPing.ClusterNode;

/// <summary>Every node competes for one lease, as worker silos will for PBXes; exactly one holds it at a time.</summary>
public sealed class SingletonLeaseContender(ILeaseTable leases, SiloIdentity silo, ILogger<SingletonLeaseContender> logger) : BackgroundService
{
    public const string LeaseName = "test:singleton";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await HeldLease.TryAcquireAsync(leases, LeaseName, silo.Id, TimeSpan.FromSeconds(5), logger, stoppingToken);
                if (lease is not null)
                {
                    logger.LogInformation("Silo {SiloId} holds {Lease}", silo.Id, LeaseName);
                    using var heldOrStopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                    await Task.Delay(Timeout.Infinite, heldOrStopping.Token);
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Silo {SiloId} lost {Lease}", silo.Id, LeaseName);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Lease contention failed: {Message}", e.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }
}
