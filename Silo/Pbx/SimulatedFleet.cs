using Microsoft.Extensions.Options;
using CallPing.Ari;
using CallPing.Grains.Pbx.Fleet;
using CallPing.PbxSimulator;

namespace CallPing.Silo.Pbx;

/// <summary>
/// When no PBX is configured and Pbx:Simulate is true (by default in Development only), runs five simulated PBXes in this
/// process (ARI over HTTP and WebSocket on 127.0.0.1) so that CallPing can be tried without Asterisk. Says so plainly: no real phone rings.
/// </summary>
internal sealed class SimulatedFleet(PbxEndpoints endpoints, IOptions<PbxOptions> options, ILogger<SimulatedFleet> logger) : IHostedService
{
    private List<SimulatedPbx> _pbxes = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsSimulated)
        {
            return;
        }

        var published = new List<PbxEndpoint>();
        foreach (var pbx in SimulatedFleetLayout.Pbxes)
        {
            var trunk = SimulatedFleetLayout.TrunkOf(pbx);
            var simulator = new SimulatedPbx(new SimulatorOptions { Trunk = trunk, User = "callping", Password = Guid.NewGuid().ToString("N") });
            await simulator.StartAsync(cancellationToken);
            _pbxes.Add(simulator);
            published.Add(new PbxEndpoint(pbx, new AriConnectionOptions(simulator.BaseUrl, simulator.Options.User, simulator.Options.Password, "callping"),
                $"PJSIP/{{number}}@{trunk}"));
        }

        endpoints.Publish(published);
        logger.LogWarning("No PBX is configured (Pbx:Fleet is empty) and Pbx:Simulate is true: running a SIMULATED fleet of {Count} PBXes; no real phone will ring. {Pbxes}",
            published.Count, string.Join(", ", published.Select(p => $"{p.Pbx.PbxId} ({p.Pbx.Provider}) at {p.Ari.BaseUrl}")));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped twice at once (its own shutdown and its owner's); only the first stop disposes.
        foreach (var pbx in Interlocked.Exchange(ref _pbxes, []))
        {
            await pbx.DisposeAsync();
        }
    }
}
