using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>A silo whose fleet has two PBXes but knows no ARI endpoint for either: they never connect, so they stay down.</summary>
public sealed class UnconfiguredFleetSilo : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private GrainSilo? _silo;

    public static TestPbxFleet Fleet { get; } = new(new PbxDescriptor("pbx-1", "sim-a"), new PbxDescriptor("pbx-2", "sim-b"));

    public GrainSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    public async Task InitializeAsync()
    {
        _silo = await GrainSilo.StartAsync(_data.Path, $"no-pbx-{Guid.NewGuid():N}", Fleet);
        foreach (var pbx in Fleet.All)
        {
            // What the keeper does every second; without an endpoint it cannot connect.
            await _silo.Pbx(pbx.PbxId).KeepConnectedAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }
}
