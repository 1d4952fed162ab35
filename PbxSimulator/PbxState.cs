using System.Collections.Concurrent;
using CallPing.PbxSimulator.Calls;
using CallPing.PbxSimulator.Events;
using CallPing.PbxSimulator.Media;
using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.PbxSimulator;

/// <summary>What the HTTP handlers share. Scripts and the call log outlive a simulated restart; channels do not.</summary>
internal sealed class PbxState
{
    public PbxState(SimulatorOptions options, PhoneScriptRegistry scripts, CallLog log)
    {
        Options = options;
        Scripts = scripts;
        Log = log;
        MediaDuration = options.MediaDuration;
        Hub = new EventHub(options);
        Engine = new CallEngine(new ChannelRegistry(), Hub, log);
        var fetcher = new MediaFetcher(MediaHttp, options.MediaFetchTimeout, log);
        UrlMedia = new MediaByUrl(new MediaCache(fetcher), options.MediaCacheDirectory);
    }

    public SimulatorOptions Options { get; }

    public PhoneScriptRegistry Scripts { get; }

    public CallLog Log { get; }

    public EventHub Hub { get; }

    public CallEngine Engine { get; }

    /// <summary>Plays sound:http(s):// media through the PBX's media cache, which outlives a restart.</summary>
    public MediaByUrl UrlMedia { get; }

    /// <summary>libcurl as res_http_media_cache sets it up: redirects followed, at most 8; the timeout is per request.</summary>
    public HttpClient MediaHttp { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 8 })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public DateTimeOffset StartupTime { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Playbacks asked for and not finished yet, by id.</summary>
    public ConcurrentDictionary<string, SimPlayback> Playbacks { get; } = new();

    /// <summary>How long one media item of a playback lasts; starts as <see cref="SimulatorOptions.MediaDuration"/>.</summary>
    public TimeSpan MediaDuration { get; set; }

    /// <summary>How far the PBX has booted, as its ARI answers show it.</summary>
    public BootStage Boot { get; set; } = BootStage.Booted;

    /// <summary>Added to every REST answer, to simulate an overloaded PBX.</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The sockets that serve /ari/events; ended when the PBX stops.</summary>
    public CancellationTokenSource Stopping { get; private set; } = new();

    public void Restarted()
    {
        StartupTime = DateTimeOffset.UtcNow;
        var previous = Stopping;
        Stopping = new CancellationTokenSource();
        previous.Dispose();
    }
}
