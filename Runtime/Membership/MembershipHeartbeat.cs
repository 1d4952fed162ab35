using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Membership;

/// <summary>Every silo: joins the membership table at start, heartbeats, and marks itself stopped on a clean stop.</summary>
internal sealed class MembershipHeartbeat(
    IMembershipTable table,
    SiloIdentity silo,
    IOptions<SiloOptions> options,
    TimeProvider time,
    ILogger<MembershipHeartbeat> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        logger.LogInformation("Silo {SiloId} joined with roles {Roles}", silo.Id, silo.Roles);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await table.MarkStoppedAsync(silo.Id, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record the stop of silo {SiloId}; it will show as dead instead", silo.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.HeartbeatInterval, stoppingToken);
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Heartbeat of silo {SiloId} failed", silo.Id);
            }
        }
    }

    private Task BeatAsync(CancellationToken cancellationToken) => table.HeartbeatAsync(
        new SiloRecord(silo.Id, Environment.MachineName, Environment.ProcessId, silo.Roles.ToString(), silo.StartedAt, time.GetUtcNow(), null),
        cancellationToken);
}
