using Microsoft.Extensions.Options;
using CallPing.Ari;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Pbx.Fleet;

/// <summary>The PBXes this worker may drive: from configuration, or published by the simulated fleet once it listens.</summary>
public sealed class PbxEndpoints(IOptions<PbxOptions> options)
{
    private volatile IReadOnlyList<PbxEndpoint> _all = options.Value.Fleet
        .Select(p => new PbxEndpoint(new PbxDescriptor(p.Id, p.Provider), new AriConnectionOptions(new Uri(p.AriBaseUrl), p.User, p.Password, p.App), p.DialEndpoint))
        .ToList();

    public IReadOnlyList<PbxEndpoint> All => _all;

    public void Publish(IReadOnlyList<PbxEndpoint> endpoints) => _all = endpoints;
}
