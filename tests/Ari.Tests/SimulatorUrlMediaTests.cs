using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using CallPing.Ari.Events;
using CallPing.Ari.Tests.Infrastructure;
using CallPing.PbxSimulator;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.Ari.Tests;

/// <summary>
/// Media by URL (sound:http://...) as Asterisk 22.10.1 plays it through res_http_media_cache: fetched when its turn
/// comes, format from Content-Type then extension, only 8 kHz 16-bit mono PCM WAV, failures only as PlaybackFinished
/// "failed", and a cache keyed by URL that honours max-age and ETag.
/// </summary>
public sealed class SimulatorUrlMediaTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How much earlier than asked a delay may seem to end: .NET's timers run on a coarse clock that fires up to a
    /// kernel tick (4 ms) early, and ARI timestamps are whole milliseconds.
    /// </summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task PlayUrl_TelephoneWav_FetchedOnceAndPlaysForItsLength()
    {
        await using var rig = await Rig.StartAsync("url-1");
        var medium = rig.Media.Serve(LongPath("alert"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(1.2))));

        var events = await rig.PlayToEndAsync([medium]);

        Assert.Equal(["PlaybackStarted(playing)", "PlaybackFinished(done)"], events.Select(e => e.Describe()));
        AssertBetween(events[^1].Timestamp - events[0].Timestamp, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(2));
        var fetch = Assert.Single(rig.Pbx.Log.MediaFetches);
        Assert.Equal((medium["sound:".Length..], "GET", 200, 1.2), (fetch.Url, fetch.Method, fetch.Status, fetch.AudioSeconds));
        Assert.Equal(0, rig.Pbx.Log.FailedPlaybacks);
    }

    [Fact]
    public async Task PlayUrl_ListOfMedia_EachFetchedWhenItsTurnComes()
    {
        await using var rig = await Rig.StartAsync("url-2", new SimulatorOptions { MediaDuration = TimeSpan.FromMilliseconds(600) });
        var first = rig.Media.Serve(LongPath("first"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.5))));
        var second = rig.Media.Serve(LongPath("second"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.5))));

        await rig.Harness.Client.PlayAsync("url-2", "list", ["sound:callping/intro", first, second]);
        var requested = DateTimeOffset.UtcNow;
        var fetchedAtOnce = rig.Media.Requests.Count;
        var events = await rig.Harness.Stream.Events.ReadUntilAsync(e => e is PlaybackFinishedEvent);

        Assert.Equal(0, fetchedAtOnce);
        Assert.Equal(
            ["PlaybackStarted(playing)", "PlaybackContinuing(continuing)", "PlaybackStarted(playing)", "PlaybackContinuing(continuing)", "PlaybackStarted(playing)", "PlaybackFinished(done)"],
            events.OfType<PlaybackEvent>().Select(e => e.Describe()));
        var fetches = rig.Media.Requests;
        Assert.Equal(2, fetches.Count);
        AssertBetween(fetches[0].At - requested, TimeSpan.FromMilliseconds(550), Second);
        AssertBetween(fetches[1].At - fetches[0].At, TimeSpan.FromMilliseconds(450), Second);
    }

    [Theory]
    [InlineData("404", 2)]
    [InlineData("500", 2)]
    [InlineData("connection refused", 2)]
    [InlineData("timeout", 2)]
    [InlineData("22.05 kHz", 1)]
    [InlineData("16 kHz as audio/wav", 1)]
    [InlineData("mu-law", 1)]
    [InlineData("stereo", 1)]
    [InlineData("html as audio/wav", 1)]
    [InlineData("audio/vnd.wave without extension", 2)]
    [InlineData("octet-stream without extension", 2)]
    [InlineData("octet-stream with upper-case .WAV", 2)]
    public async Task PlayUrl_UnreachableOrUnplayable_Answers201ThenFinishesFailed(string fault, int requests)
    {
        // Short enough for the hanging server's two tries to fail quickly, long enough that a loaded machine serving a
        // good answer slowly does not look like a timeout (and a second fetch).
        await using var rig = await Rig.StartAsync("url-3", new SimulatorOptions { MediaFetchTimeout = TimeSpan.FromMilliseconds(1500) });
        var medium = Faulty(rig.Media, fault);

        using var response = await rig.PostPlayAsync("url-3", "p-1", medium);
        var events = await rig.Harness.Stream.Events.ReadUntilAsync(e => e is PlaybackFinishedEvent, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["PlaybackStarted(playing)", "PlaybackFinished(failed)"], events.OfType<PlaybackEvent>().Select(e => e.Describe()));
        Assert.Equal(requests, rig.Pbx.Log.MediaFetches.Count);
        Assert.All(rig.Pbx.Log.MediaFetches, f => Assert.Equal("GET", f.Method));
        Assert.Equal(1, rig.Pbx.Log.FailedPlaybacks);
    }

    [Theory]
    [InlineData("audio/wav", ".wav")]
    [InlineData("audio/x-wav", "")]
    [InlineData("AUDIO/WAV", "")]
    [InlineData("audio/wav; charset=binary", "")]
    [InlineData("application/octet-stream", ".wav")]
    [InlineData("audio/vnd.wave", ".wav")]
    public async Task PlayUrl_FormatByContentTypeElseExtension_Plays(string contentType, string extension)
    {
        await using var rig = await Rig.StartAsync("url-4");
        var medium = rig.Media.Serve(LongPath("typed", extension), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.3)), contentType));

        var events = await rig.PlayToEndAsync([medium]);

        Assert.Equal("PlaybackFinished(done)", events[^1].Describe());
        Assert.Single(rig.Pbx.Log.MediaFetches);
    }

    [Fact]
    public async Task PlayUrl_SixteenKilohertzAsWav16_PlaysForItsLength()
    {
        await using var rig = await Rig.StartAsync("url-6");
        var medium = rig.Media.Serve(LongPath("wide", ".wav16"), new MediaAnswer(Wav.Build(TimeSpan.FromSeconds(0.8), 16000), "application/octet-stream"));

        var events = await rig.PlayToEndAsync([medium]);

        Assert.Equal("PlaybackFinished(done)", events[^1].Describe());
        AssertBetween(events[^1].Timestamp - events[0].Timestamp, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.5));
    }

    [Theory]
    [InlineData(0, "done")]
    [InlineData(1, "failed")]
    public async Task PlayUrl_UrlShorterThanTheCacheFileName_NameIsCutAndItFails(int shorterBy, string state)
    {
        await using var media = await MediaServer.StartAsync();
        var medium = media.Serve(LongPath("short"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.2))));
        var urlLength = medium.Length - "sound:".Length;
        // Asterisk copies the cache file's name ("{dir}/bucket-XXXXXX") into room for the URL's length plus 5.
        var directory = "/" + new string('c', urlLength + 5 - "/bucket-XXXXXX".Length - 1 + shorterBy);
        await using var rig = await Rig.StartAsync("url-5", new SimulatorOptions { MediaCacheDirectory = directory }, media);

        var events = await rig.PlayToEndAsync([medium]);

        Assert.Equal($"PlaybackFinished({state})", events[^1].Describe());
        Assert.All(rig.Pbx.Log.MediaFetches, f => Assert.Equal(200, f.Status));
    }

    [Fact]
    public async Task PlayUrl_AgainWithinMaxAge_ServedFromTheCache()
    {
        await using var rig = await Rig.StartAsync("cache-1");
        var medium = rig.Media.Serve(LongPath("max-age"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.2))) { CacheControl = "public, max-age=300" });

        await rig.PlayToEndAsync([medium]);
        var events = await rig.PlayToEndAsync([medium], "again");

        Assert.Equal("PlaybackFinished(done)", events[^1].Describe());
        Assert.Equal(["GET"], rig.Media.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task PlayUrl_AgainWithETag_RevalidatedWithHeadAnswered304()
    {
        await using var rig = await Rig.StartAsync("cache-2");
        var medium = rig.Media.Serve(LongPath("etag"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.2))) { ETag = "\"v1\"" });

        await rig.PlayToEndAsync([medium]);
        var events = await rig.PlayToEndAsync([medium], "again");

        Assert.Equal("PlaybackFinished(done)", events[^1].Describe());
        Assert.Equal(["GET ", "HEAD \"v1\""], rig.Media.Requests.Select(r => $"{r.Method} {r.IfNoneMatch}"));
        Assert.Equal(["GET 200", "HEAD 304"], rig.Pbx.Log.MediaFetches.Select(f => $"{f.Method} {f.Status}"));
    }

    [Fact]
    public async Task PlayUrl_ETagChanged_HeadThenFetchedAgain()
    {
        await using var rig = await Rig.StartAsync("cache-3");
        var path = LongPath("changed");
        var medium = rig.Media.Serve(path, new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.2))) { ETag = "\"v1\"" });
        await rig.PlayToEndAsync([medium]);

        rig.Media.Serve(path, new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.4))) { ETag = "\"v2\"" });
        await rig.PlayToEndAsync([medium], "again");

        Assert.Equal(["GET", "HEAD", "GET"], rig.Media.Requests.Select(r => r.Method));
        Assert.Equal(0.4, rig.Pbx.Log.MediaFetches[^1].AudioSeconds);
    }

    [Fact]
    public async Task PlayUrl_AgainWithoutCacheHeaders_FetchedEveryTime()
    {
        await using var rig = await Rig.StartAsync("cache-4");
        var medium = rig.Media.Serve(LongPath("uncached"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.2))));

        await rig.PlayToEndAsync([medium]);
        await rig.PlayToEndAsync([medium], "again");

        Assert.Equal(["GET", "GET"], rig.Media.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task PlayUrl_SlowServer_BlocksTheChannelUntilFetched()
    {
        await using var rig = await Rig.StartAsync("slow-1");
        var medium = rig.Media.Serve(LongPath("slow"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.5))) { Delay = TimeSpan.FromMilliseconds(800) });

        await rig.Harness.Client.PlayAsync("slow-1", "slow", [medium]);
        await rig.Harness.Client.PlayAsync("slow-1", "next", ["sound:callping/menu"]);
        var events = await rig.Harness.Stream.Events.ReadUntilAsync(e => e is PlaybackStartedEvent { Playback.Id: "next" });

        var started = events.OfType<PlaybackStartedEvent>().First();
        AssertBetween(events[^1].Timestamp - started.Timestamp, TimeSpan.FromMilliseconds(1300), TimeSpan.FromSeconds(2.5));
        Assert.True(rig.Pbx.Log.MediaFetches.Single().Took >= TimeSpan.FromMilliseconds(800) - ClockSlack);
    }

    [Fact]
    public async Task PlayUrl_KeyPressedDuringPlayback_ArrivesAndStopEndsItAtOnce()
    {
        await using var rig = await Rig.StartAsync("keys-1", script: PhoneScript.Answers(TimeSpan.FromMilliseconds(100), new ScriptedKey("1", Second)));
        var medium = rig.Media.Serve(LongPath("long"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(5))));

        await rig.Harness.Client.PlayAsync("keys-1", "prompt", [medium]);
        var untilKey = await rig.Harness.Stream.Events.ReadUntilAsync(e => e is ChannelDtmfReceivedEvent);
        var stoppedAt = DateTimeOffset.UtcNow;
        await rig.Harness.Client.StopPlaybackAsync("prompt");
        var finished = await rig.Harness.Stream.Events.WaitForAsync<PlaybackFinishedEvent>();

        Assert.Contains(untilKey, e => e is PlaybackStartedEvent);
        Assert.Equal("done", finished.Playback.State);
        Assert.True(DateTimeOffset.UtcNow - stoppedAt < TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task PlayUrl_FailedMediumInsideAList_IsSkippedAndTheListGoesOn()
    {
        await using var rig = await Rig.StartAsync("skip-1");
        var missing = $"sound:{new Uri(rig.Media.BaseUrl, LongPath("missing"))}";
        var present = rig.Media.Serve(LongPath("present"), new MediaAnswer(Wav.Telephone(TimeSpan.FromSeconds(0.2))));

        var events = await rig.PlayToEndAsync([missing, present]);

        Assert.Equal(["PlaybackStarted(playing)", "PlaybackContinuing(continuing)", "PlaybackStarted(playing)", "PlaybackFinished(done)"], events.Select(e => e.Describe()));
        Assert.Equal([404, 404, 200], rig.Pbx.Log.MediaFetches.Select(f => f.Status));
        Assert.Equal(0, rig.Pbx.Log.FailedPlaybacks);
    }

    [Fact]
    public async Task MediaFetchesEndpoint_AfterAFailedFetch_ListsItAndCountsTheFailure()
    {
        await using var rig = await Rig.StartAsync("hook-1");
        var missing = $"sound:{new Uri(rig.Media.BaseUrl, LongPath("gone"))}";
        await rig.PlayToEndAsync([missing]);
        using var anonymous = new HttpClient();

        using var denied = await anonymous.GetAsync(new Uri(rig.Pbx.BaseUrl, "simulator/media-fetches"));
        var body = JsonNode.Parse(await rig.Authorized.GetStringAsync(new Uri(rig.Pbx.BaseUrl, "simulator/media-fetches")))!;

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(1, (int)body["failed_playbacks"]!);
        var fetches = body["fetches"]!.AsArray();
        Assert.Equal(2, fetches.Count);
        Assert.Equal((missing["sound:".Length..], "GET", 404), ((string)fetches[0]!["url"]!, (string)fetches[0]!["method"]!, (int)fetches[0]!["status"]!));
    }

    /// <summary>Long enough for Asterisk's cache file name, and shaped like CallPing's media paths.</summary>
    private static string LongPath(string name, string extension = ".wav") => $"/media/test/{name}-0123456789abcdef0123456789abcdef{extension}";

    private static void AssertBetween(TimeSpan actual, TimeSpan low, TimeSpan high) =>
        Assert.True(actual >= low - ClockSlack && actual <= high, $"{actual.TotalMilliseconds} ms is not within {low.TotalMilliseconds}..{high.TotalMilliseconds} ms");

    private static string Faulty(MediaServer media, string fault)
    {
        var telephone = Wav.Telephone(TimeSpan.FromSeconds(0.3));
        return fault switch
        {
            "404" => $"sound:{new Uri(media.BaseUrl, LongPath("nowhere"))}",
            "500" => media.Serve(LongPath("error"), new MediaAnswer(telephone, Status: 500)),
            "connection refused" => $"sound:http://127.0.0.1:{ClosedPort()}{LongPath("refused")}",
            "timeout" => media.Serve(LongPath("hangs"), new MediaAnswer(telephone) { Delay = TimeSpan.FromSeconds(5) }),
            "22.05 kHz" => media.Serve(LongPath("espeak"), new MediaAnswer(Wav.Build(Second, 22050))),
            "16 kHz as audio/wav" => media.Serve(LongPath("wide"), new MediaAnswer(Wav.Build(Second, 16000))),
            "mu-law" => media.Serve(LongPath("ulaw"), new MediaAnswer(Wav.Build(Second, 8000, Wav.MuLaw, bitsPerSample: 8))),
            "stereo" => media.Serve(LongPath("stereo"), new MediaAnswer(Wav.Build(Second, 8000, channels: 2))),
            "html as audio/wav" => media.Serve(LongPath("page"), new MediaAnswer("<html>sorry</html>"u8.ToArray())),
            "audio/vnd.wave without extension" => media.Serve(LongPath("vnd", ""), new MediaAnswer(telephone, "audio/vnd.wave")),
            "octet-stream without extension" => media.Serve(LongPath("octets", ""), new MediaAnswer(telephone, "application/octet-stream")),
            "octet-stream with upper-case .WAV" => media.Serve(LongPath("upper", ".WAV"), new MediaAnswer(telephone, "application/octet-stream")),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A simulated PBX with one answered channel, and a media server for it to fetch from.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly bool _ownsMedia;
        private readonly string _channelId;

        private Rig(AriHarness harness, MediaServer media, bool ownsMedia, string channelId)
        {
            Harness = harness;
            Media = media;
            _ownsMedia = ownsMedia;
            _channelId = channelId;
            Authorized = new HttpClient();
            Authorized.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Pbx.Options.User}:{Pbx.Options.Password}")));
        }

        public AriHarness Harness { get; }

        public SimulatedPbx Pbx => Harness.Pbx;

        public MediaServer Media { get; }

        public HttpClient Authorized { get; }

        public static async Task<Rig> StartAsync(string channelId, SimulatorOptions? options = null, MediaServer? media = null, PhoneScript? script = null)
        {
            var harness = await AriHarness.StartAsync(options: options);
            if (script is not null)
            {
                harness.Pbx.Scripts.Set("+15550160", script);
            }

            await harness.OriginateAsync(channelId, "+15550160");
            await harness.Stream.Events.WaitForAsync<StasisStartEvent>();
            return new Rig(harness, media ?? await MediaServer.StartAsync(), media is null, channelId);
        }

        /// <summary>Plays the media on the answered channel and returns the playback's events up to its end.</summary>
        public async Task<List<PlaybackEvent>> PlayToEndAsync(IReadOnlyList<string> media, string playbackId = "prompt")
        {
            await Harness.Client.PlayAsync(_channelId, playbackId, media);
            var events = await Harness.Stream.Events.ReadUntilAsync(e => e is PlaybackFinishedEvent { } f && f.Playback.Id == playbackId, TimeSpan.FromSeconds(10));
            return [.. events.OfType<PlaybackEvent>().Where(e => e.Playback.Id == playbackId)];
        }

        public Task<HttpResponseMessage> PostPlayAsync(string channelId, string playbackId, string medium) =>
            Authorized.PostAsync(new Uri(Pbx.BaseUrl, $"ari/channels/{channelId}/play/{playbackId}?media={Uri.EscapeDataString(medium)}"), null);

        public async ValueTask DisposeAsync()
        {
            Authorized.Dispose();
            await Harness.DisposeAsync();
            if (_ownsMedia)
            {
                await Media.DisposeAsync();
            }
        }
    }
}
