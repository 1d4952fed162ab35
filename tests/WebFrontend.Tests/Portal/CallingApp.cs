using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Accounts;
using CallPing.TestSupport.Pbx;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>
/// The portal of an app that places calls: a silo with the web and worker roles in the test process, served over
/// HTTPS, whose PBX fleet is five simulated PBXes (real ARI over HTTP and WebSocket) with phones scripted per number.
/// Its clock is the real one, shifted ahead when a test needs a step-up to be due.
/// </summary>
public sealed class CallingApp : IAsyncDisposable
{
    private CallingApp(SimulatorFleet fleet, WorkerSilo silo, ShiftedClock clock)
    {
        Fleet = fleet;
        Silo = silo;
        Clock = clock;
    }

    public SimulatorFleet Fleet { get; }

    public WorkerSilo Silo { get; }

    public ShiftedClock Clock { get; }

    public Uri BaseAddress => Silo.HttpsAddress!;

    public IGrainFactory Grains => Silo.Grains;

    public static async Task<CallingApp> StartAsync(SmtpServer smtp, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var fleet = await SimulatorFleet.StartAsync();
        var port = FreePort.Next();
        var settings = AccountsFixture.WithLimitsLifted(smtp.Settings());
        foreach (var (key, value) in fleet.Settings())
        {
            settings[key] = value;
        }

        settings["Silo:Roles"] = "web,worker";
        settings["Accounts:PublicBaseUrl"] = $"https://127.0.0.1:{port}/";
        var clock = new ShiftedClock();
        var silo = await WorkerSilo.StartAsync(settings, services =>
        {
            services.AddSingleton(new AccountClock(clock));
            services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains, clock);
        }, (certificate, port));
        await Task.WhenAll(Enumerable.Range(0, SimulatorFleet.Providers.Length).Select(i => Eventually.ReachesAsync(
            () => silo.Grains.GetGrain<IPbxGrain>(SimulatorFleet.IdOf(i)).GetHealthAsync(), h => h.Status == PbxStatus.Healthy, TimeSpan.FromSeconds(30), "PBX health")));
        return new CallingApp(fleet, silo, clock);
    }

    /// <summary>A new number nobody else in the run uses, whose phone behaves as scripted on every PBX.</summary>
    public string NewPhone(PhoneScript script)
    {
        var number = $"+4930{Random.Shared.Next(10_000_000, 100_000_000)}";
        Fleet.Script(number, script);
        return number;
    }

    /// <summary>A client of the intake that presents the key, trusting this app's own certificate.</summary>
    public HttpClient IntakeClient(string key)
    {
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Fleet.DisposeAsync();
    }
}
