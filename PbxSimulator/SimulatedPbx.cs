using System.Net;
using CallPing.PbxSimulator.Http;
using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CallPing.PbxSimulator;

/// <summary>
/// An ARI-speaking stand-in for one Asterisk PBX on Kestrel. Start it, point an ARI client at
/// <see cref="BaseUrl"/>, script phones by number, and assert on <see cref="Log"/>.
/// </summary>
public sealed class SimulatedPbx : IAsyncDisposable
{
    private readonly PbxState _state;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private WebApplication? _app;
    private int _port;

    public SimulatedPbx(SimulatorOptions? options = null)
    {
        Options = options ?? new SimulatorOptions();
        _port = Options.Port;
        _state = new PbxState(Options, new PhoneScriptRegistry(), new CallLog());
    }

    public SimulatorOptions Options { get; }

    /// <summary>Scripts by dialled number; unscripted numbers answer after 200 ms and stay on the line.</summary>
    public PhoneScriptRegistry Scripts => _state.Scripts;

    /// <summary>Every originate and hangup so far, across restarts.</summary>
    public CallLog Log => _state.Log;

    /// <summary>The bound port; stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port => _port;

    /// <summary>e.g. http://127.0.0.1:40123/ (ARI lives under /ari).</summary>
    public Uri BaseUrl => new($"http://{Options.Host}:{_port}/");

    public bool IsRunning => _app is not null;

    /// <summary>Added to every REST answer.</summary>
    public TimeSpan ResponseDelay
    {
        get => _state.ResponseDelay;
        set => _state.ResponseDelay = value;
    }

    /// <summary>How long one media item of a playback lasts, from now on.</summary>
    public TimeSpan MediaDuration
    {
        get => _state.MediaDuration;
        set => _state.MediaDuration = value;
    }

    /// <summary>How far the PBX has booted: <see cref="BootStage.Booting"/> and <see cref="BootStage.AriNotLoaded"/> fail every ARI request as a starting Asterisk does.</summary>
    public BootStage Boot
    {
        get => _state.Boot;
        set => _state.Boot = value;
    }

    /// <summary>Starts listening; after <see cref="StopAsync"/> it comes back on the same port with no channels.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_app is not null)
            {
                return;
            }

            _state.Restarted();
            var app = Build();
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            _port = new Uri(address).Port;
            _app = app;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>The PBX goes down: sockets drop, calls vanish, connections are refused until started again.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_app is not { } app)
            {
                return;
            }

            _app = null;
            await _state.Stopping.CancelAsync();
            _state.Hub.AbortAll(forget: true);
            // A dead PBX answers nothing: its HTTP goes before its channels, so nobody sees them gone meanwhile.
            await app.StopAsync();
            _state.Engine.CrashAll();
            await app.DisposeAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Drops every event WebSocket from the server side; the apps stay registered with their channels.</summary>
    public int DropEventSockets() => _state.Hub.AbortAll(forget: false);

    /// <summary>Sends raw text on the app's socket (to test that clients survive garbage); false if none is connected.</summary>
    public bool SendRawEvent(string app, string text) => _state.Hub.RaiseRaw(app, text);

    /// <summary>Whether a WebSocket is connected for the app right now.</summary>
    public bool IsAppConnected(string app) => _state.Hub.IsConnected(app);

    /// <summary>Ids of channels alive right now.</summary>
    public IReadOnlyList<string> LiveChannelIds() => [.. _state.Engine.Channels.All().Select(c => c.Id)];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _lifecycle.Dispose();
        _state.MediaHttp.Dispose();
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_state);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(Options.Host), _port));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseMiddleware<AriAuthMiddleware>();
        app.MapAsteriskApi();
        app.MapOriginateApi();
        app.MapChannelsApi();
        app.MapPlaybacksApi();
        app.MapApplicationsApi();
        app.MapEventsApi();
        app.MapMediaFetchesApi();
        return app;
    }
}
