using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Pbx.Fleet;
using CallPing.Runtime;
using CallPing.Runtime.Activation;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Leases;
using CallPing.Runtime.Storage;

namespace CallPing.Silo.Pbx;

/// <summary>
/// Worker module: competes for every PBX's lease; drives each PBX whose lease it holds, stops when a lease is lost,
/// and hands every lease over on a graceful stop. Exactly one worker drives a PBX at a time.
/// </summary>
internal sealed class PbxLeaseKeeper(
    PbxEndpoints endpoints,
    PbxDrivers drivers,
    ILeaseTable leases,
    IGrainFactory grains,
    SiloIdentity silo,
    RuntimeSignals signals,
    IOptions<PbxOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan ContendEvery = TimeSpan.FromSeconds(1);
    private readonly ILogger _logger = loggers.CreateLogger<PbxLeaseKeeper>();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await drivers.StopAllAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var endpoint in endpoints.All.Where(e => !drivers.IsDriving(e.Pbx.PbxId)))
            {
                try
                {
                    await TryTakeAsync(endpoint, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    _logger.LogWarning(e, "Could not take {Pbx}", endpoint.Pbx.PbxId);
                }
            }

            await Task.Delay(ContendEvery, stoppingToken);
        }
    }

    private async Task TryTakeAsync(PbxEndpoint endpoint, CancellationToken stoppingToken)
    {
        var pbxId = endpoint.Pbx.PbxId;
        var lease = await HeldLease.TryAcquireAsync(leases, DialCommand.LeaseOf(pbxId), silo.Id, options.Value.LeaseDuration, _logger, stoppingToken);
        if (lease is null)
        {
            return;
        }

        var driver = new PbxDriver(endpoint, grains, silo, options.Value.HealthCheckInterval, time, loggers);
        try
        {
            await driver.StartAsync();
        }
        catch
        {
            await driver.DisposeAsync();
            await lease.DisposeAsync();
            throw;
        }

        drivers.Add(lease, driver);
        lease.Lost.Register(() => _ = StopLostAsync(pbxId));
        // Dials pinned to this PBX may be waiting for a driver.
        signals.Outbox.Set();
    }

    private async Task StopLostAsync(string pbxId)
    {
        _logger.LogWarning("Lost the lease of {Pbx}; no longer driving it", pbxId);
        await drivers.StopAsync(pbxId);
    }
}
