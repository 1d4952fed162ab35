using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Silo.Tests.Speech;

/// <summary>One silo with both roles, which serves its spoken prompts itself (Pbx:MediaBaseUrl is its own address), and five simulated PBXes.</summary>
public sealed class SpeechRig : IAsyncLifetime
{
    public const string AdminToken = "speech-tests-admin-token";

    public SimulatorFleet Fleet { get; private set; } = null!;

    public WorkerSilo Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fleet = await SimulatorFleet.StartAsync();
        var settings = Fleet.Settings();
        settings["Silo:Roles"] = "web,worker";
        settings["Admin:Token"] = AdminToken;
        Silo = await WorkerSilo.StartAsync(settings);
        Http = new HttpClient { BaseAddress = Silo.BaseAddress };
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Eventually.ReachesAsync(
            () => Silo.Grains.GetGrain<IPbxGrain>(SimulatorFleet.IdOf(i)).GetHealthAsync(), h => h.Status == PbxStatus.Healthy, TimeSpan.FromSeconds(30), "PBX health")));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        await Fleet.DisposeAsync();
    }
}
