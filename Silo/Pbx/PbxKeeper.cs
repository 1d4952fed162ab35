using CallPing.Grains.Interfaces.Pbx;

namespace CallPing.Silo.Pbx;

/// <summary>
/// Nudges every PBX grain of the fleet once a second. Orleans activates a grain only when it is called, so these calls
/// are what brings a dead silo's PBX connections back on a survivor within seconds, and what keeps them active.
/// </summary>
internal sealed class PbxKeeper(IGrainFactory grains, IPbxFleet fleet, IHostApplicationLifetime lifetime, ILogger<PbxKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan NudgeEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grains can be called once the silo has started (Orleans starts as a hosted service too).
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetResult()))
        {
            await started.Task;
        }

        using var timer = new PeriodicTimer(NudgeEvery);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAll(fleet.All.Select(pbx => NudgeAsync(pbx.PbxId)));
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task NudgeAsync(string pbxId)
    {
        try
        {
            // A nudge to a silo that died waits until membership declares it dead; bounding each nudge by the round keeps
            // the rounds (every PBX's nudge, and the next round's) a second apart meanwhile. An abandoned nudge still
            // runs in the grain.
            await grains.GetGrain<IPbxGrain>(pbxId).KeepConnectedAsync().WaitAsync(NudgeEvery);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A silo that just died still holds the grain until membership says so; the next nudge finds it elsewhere.
            logger.LogDebug(e, "Could not reach {Pbx}", pbxId);
        }
    }
}
