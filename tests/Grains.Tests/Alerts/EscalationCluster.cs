using CallPing.Ari;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Pbx.Fleet;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.PbxSimulator;
using CallPing.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>
/// One silo on the fake clock with two simulated PBXes (each behind its own trunk provider) whose ARI endpoints are
/// published to it as the product's simulated fleet publishes them; the PBX grains hold the real ARI connections.
/// Each test uses numbers of its own, scripted on both PBXes, so the tests do not see each other's calls.
/// </summary>
public sealed class EscalationCluster : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly List<SimulatedPbx> _pbxes = [];
    private GrainSilo? _silo;

    public static TestPbxFleet Fleet { get; } = new(new PbxDescriptor("pbx-1", "sim-a"), new PbxDescriptor("pbx-2", "sim-b"));

    public GrainSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    public NoticeDropper Notices => Silo.SiloServices.GetRequiredService<NoticeDropper>();

    /// <summary>The simulated PBXes, in fleet order.</summary>
    public IReadOnlyList<SimulatedPbx> Pbxes => _pbxes;

    public SimulatedPbx SimulatorOf(string pbxId) => _pbxes[Fleet.All.ToList().FindIndex(p => p.PbxId == pbxId)];

    public async Task InitializeAsync()
    {
        // A simulated PBX is a small web app: without this, each would watch its (absent) appsettings files with an
        // inotify instance, of which a user has only 128 on this machine, shared with every other test run.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        _silo = await GrainSilo.StartAsync(_data.Path, $"escalation-{Guid.NewGuid():N}", Fleet, configure: silo =>
        {
            silo.Services.AddSingleton<NoticeDropper>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<NoticeDropper>());
        });
        var endpoints = new List<PbxEndpoint>();
        foreach (var pbx in Fleet.All)
        {
            var trunk = $"trunk-{pbx.Provider[^1]}";
            var simulator = new SimulatedPbx(new SimulatorOptions { Trunk = trunk, User = "callping", Password = Guid.NewGuid().ToString("N") });
            await simulator.StartAsync();
            _pbxes.Add(simulator);
            endpoints.Add(new PbxEndpoint(pbx, new AriConnectionOptions(simulator.BaseUrl, simulator.Options.User, simulator.Options.Password, "callping"),
                $"PJSIP/{{number}}@{trunk}"));
        }

        Silo.Endpoints.Publish(endpoints);
        await ConnectFleetAsync();
    }

    /// <summary>
    /// Nudges every PBX grain, as the product's PbxKeeper does each second, until each is healthy with its event
    /// socket connected; then lets the router's health snapshot expire so that the next route sees it.
    /// </summary>
    public async Task ConnectFleetAsync()
    {
        foreach (var pbx in Fleet.All)
        {
            await ConnectAsync(pbx.PbxId);
        }

        Silo.Time.Advance(TimeSpan.FromSeconds(1));
    }

    /// <summary>Nudges one PBX grain until it is healthy and connected.</summary>
    public Task<PbxHealth> ConnectAsync(string pbxId) => Eventually.ReachesAsync(
        async () =>
        {
            await Silo.Pbx(pbxId).KeepConnectedAsync();
            return await Silo.Pbx(pbxId).GetHealthAsync();
        },
        health => health is { Status: PbxStatus.Healthy, Connected: true },
        TimeSpan.FromSeconds(15),
        $"{pbxId} healthy and connected");

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        foreach (var pbx in _pbxes)
        {
            await pbx.DisposeAsync();
        }

        _data.Dispose();
    }
}
