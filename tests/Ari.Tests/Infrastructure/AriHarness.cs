using CallPing.Ari.Streaming;
using CallPing.PbxSimulator;

namespace CallPing.Ari.Tests.Infrastructure;

/// <summary>One simulated PBX on 127.0.0.1 with an ARI client and (optionally) a connected event stream.</summary>
internal sealed class AriHarness : IAsyncDisposable
{
    public const string App = "callping";

    private readonly List<AriEventStream> _streams = [];

    private AriHarness(SimulatedPbx pbx)
    {
        Pbx = pbx;
        Connection = new AriConnectionOptions(pbx.BaseUrl, pbx.Options.User, pbx.Options.Password, App);
        Client = new AriClient(Connection);
    }

    public static AriEventStreamOptions FastReconnect { get; } = new()
    {
        InitialReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(300),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        KeepAliveInterval = TimeSpan.FromSeconds(5),
        KeepAliveTimeout = TimeSpan.FromSeconds(5),
    };

    public SimulatedPbx Pbx { get; }

    public AriConnectionOptions Connection { get; }

    public AriClient Client { get; }

    /// <summary>The first stream opened with <see cref="StartAsync"/>'s connectEvents.</summary>
    public AriEventStream Stream => _streams[0];

    public static async Task<AriHarness> StartAsync(bool connectEvents = true, SimulatorOptions? options = null)
    {
        var pbx = new SimulatedPbx(options);
        await pbx.StartAsync();
        var harness = new AriHarness(pbx);
        if (connectEvents)
        {
            await harness.OpenConnectedStreamAsync();
        }

        return harness;
    }

    public static string Endpoint(string number) => $"PJSIP/{number}@trunk-a";

    public AriEventStream OpenStream(AriConnectionOptions? connection = null)
    {
        var stream = new AriEventStream(connection ?? Connection, FastReconnect);
        _streams.Add(stream);
        stream.Start();
        return stream;
    }

    public async Task<AriEventStream> OpenConnectedStreamAsync()
    {
        var stream = OpenStream();
        await stream.StateChanges.WaitForStateAsync(AriConnectionState.Connected);
        return stream;
    }

    public Task<Models.Channel> OriginateAsync(string channelId, string number, params string[] appArgs) =>
        Client.OriginateAsync(new OriginateRequest(channelId, Endpoint(number)) { AppArgs = appArgs, TimeoutSeconds = 5 });

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams)
        {
            await stream.DisposeAsync();
        }

        Client.Dispose();
        await Pbx.DisposeAsync();
    }
}
