using Microsoft.Extensions.Options;
using CallPing.Grains.Pbx.Fleet;

namespace CallPing.WebFrontend.Health;

/// <summary>
/// Says at start, in one line, that this process cannot place a call; it still starts (its probes say why it is not
/// ready), so that an operator sees the reason rather than a crash loop.
/// </summary>
public sealed class NoPbxStartupLog(IOptions<PbxOptions> options, ILogger<NoPbxStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.HasNoPbx)
        {
            logger.LogError("{Problem} Configure Pbx:Fleet, or set Pbx:Simulate=true to try CallPing on simulated phones.", PbxFleetHealthCheck.NoPbx);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
