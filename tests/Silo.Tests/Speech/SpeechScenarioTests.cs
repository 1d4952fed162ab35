using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Speech;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Speech;

/// <summary>Alert calls that say what broke: the prompt a PBX is told to play, the audio behind its URL, and the project's voice.</summary>
public sealed class SpeechScenarioTests(SpeechRig rig) : IClassFixture<SpeechRig>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AlertAnswered_PbxToldToPlayItsSpokenUrl_UrlServesTheRenderedWav()
    {
        const string alice = "+15550201";
        rig.Fleet.Script(alice, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        await CreateProjectAsync("speech-web", alice);

        var alertId = await TriggerAsync("speech-web", "disk", "Disk full on db-1 (instance=db-1:9100)");
        var alert = await AcknowledgedAsync(alertId);

        var channel = alert.Calls.Single().Tries.Single().ChannelId;
        var media = Playbacks(channel).Select(p => Assert.Single(p.Media)).ToList();
        var expected = PromptTexts.For("speech-web", AlertSeverity.Critical, "Disk full on db-1 (instance=db-1:9100)", ProjectSpeech.Default);
        Assert.Equal("CallPing alert for project speech-web. Critical. Disk full on db-1 db-1. Press 1 to acknowledge, 2 to pass to the next person, 9 to hear this again.", expected.Alert.Text);
        Assert.Matches($@"^sound:{rig.Silo.BaseAddress.ToString().TrimEnd('/')}/media/alert/{SpeechKey.Of(expected.Alert)}-[0-9a-f]{{32}}\.wav$", media[0]);
        Assert.Matches($@"/media/acknowledged/{SpeechKey.Of(expected.Acknowledged)}-[0-9a-f]{{32}}\.wav$", media[1]);
        using var response = await rig.Http.GetAsync(new Uri(media[0]["sound:".Length..]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType!.MediaType);
        var wav = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(wav.Length, response.Content.Headers.ContentLength);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl!.MaxAge);
        Assert.Equal($"\"{SpeechKey.Of(expected.Alert)}\"", response.Headers.ETag!.Tag);
        var rendered = await new SpeechRenderer(Microsoft.Extensions.Options.Options.Create(new SpeechOptions())).RenderAsync(expected.Alert);
        Assert.Equal(PcmWav.DurationOf(rendered), PcmWav.DurationOf(wav));
        Assert.Equal(8000, PcmWav.Read(wav).SampleRate);
    }

    [Fact]
    public async Task AlertAnswered_PbxFetchesTheSpokenAlert_ItsLengthIsTheTextsAnd1StopsItAtOnce()
    {
        const string carol = "+15550205";
        // 1 is pressed 3 s after the answer: while the spoken alert (about 10 s) is still playing.
        rig.Fleet.Script(carol, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100)));
        await CreateProjectAsync("speech-fetch", carol);

        var alert = await AcknowledgedAsync(await TriggerAsync("speech-fetch", "queue", "Queue backlog above ten thousand"));

        var attempt = alert.Calls.Single().Tries.Single();
        var expected = PromptTexts.For("speech-fetch", AlertSeverity.Critical, "Queue backlog above ten thousand", ProjectSpeech.Default).Alert;
        var url = Assert.Single(Playbacks(attempt.ChannelId)[0].Media)["sound:".Length..];
        // The last fetch: on a loaded machine a first one may run into the PBX's timeout, and the PBX tries again.
        var fetch = rig.Fleet[attempt.PbxId].Log.MediaFetches.Last(f => f.Url == url);
        var rendered = await new SpeechRenderer(Microsoft.Extensions.Options.Options.Create(new SpeechOptions())).RenderAsync(expected);
        Assert.Equal(("GET", 200), (fetch.Method, fetch.Status));
        Assert.Equal(PcmWav.DurationOf(rendered).TotalSeconds, fetch.AudioSeconds!.Value, 0.01);
        var press = Assert.Single(KeyPresses(attempt.ChannelId)).At;
        var starts = rig.Fleet.Pbxes.SelectMany(p => p.Log.PlaybackStarts).ToList();
        var spoken = starts.Single(s => s.PlaybackId == Playbacks(attempt.ChannelId)[0].PlaybackId).At;
        var heard = starts.Single(s => s.PlaybackId == Playbacks(attempt.ChannelId)[1].PlaybackId).At;
        // 1 stopped the spoken alert: the acknowledgement is heard well before the alert would have ended. The bound on
        // the key-to-prompt time is what a loaded 2-core machine keeps, not the time on a quiet one (about 0.2 s).
        Assert.True(heard < spoken + TimeSpan.FromSeconds(fetch.AudioSeconds.Value) - TimeSpan.FromSeconds(2),
            $"acknowledgement heard at {heard:O}, the spoken alert began at {spoken:O} and lasts {fetch.AudioSeconds} s");
        Assert.InRange(heard - press, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.False(attempt.SpeechFailed);
    }

    [Fact]
    public async Task SpokenAlertCannotBeFetched_PbxSoundsPlayedInstead_1StillAcknowledges()
    {
        const string dave = "+15550206";
        // 1 comes after the failed fetch (a fetch waits up to 4 s for a rendering, and this one fails) and while the fallback plays.
        rig.Fleet.Script(dave, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
        await CreateProjectAsync("speech-broken", dave);
        // A voice espeak-ng does not have: the rendering fails, so the media URL answers 404.
        await rig.Silo.Grains.GetGrain<IProjectGrain>("speech-broken").SetSpeechAsync(new ProjectSpeech("zz", 160));

        var alert = await AcknowledgedAsync(await TriggerAsync("speech-broken", "cpu", "CPU saturated"));

        var attempt = alert.Calls.Single().Tries.Single();
        var media = Playbacks(attempt.ChannelId).Select(p => p.Media).ToList();
        Assert.StartsWith("sound:http://", Assert.Single(media[0]));
        Assert.Equal([AlertPrompt.FallbackAlert, AlertPrompt.FallbackAcknowledged], media[1..]);
        Assert.Contains(rig.Fleet[attempt.PbxId].Log.MediaFetches, f => f.Url == media[0][0]["sound:".Length..] && f.Status == 404);
        Assert.True(attempt.SpeechFailed);
        var health = await rig.Silo.Grains.GetGrain<CallPing.Grains.Interfaces.Pbx.IPbxGrain>(attempt.PbxId).GetHealthAsync();
        Assert.Contains(health.LastErrors, e => e.Contains("media fetch failed", StringComparison.Ordinal) && e.Contains(media[0][0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task MediaUrl_HeadAndIfNoneMatch_AnsweredAsAPbxCacheExpects()
    {
        var url = await PreparedUrlAsync("alert", new SpeechRequest("Replica lag above five minutes.", "en", 160));
        using var get = await rig.Http.GetAsync(url);
        var length = (await get.Content.ReadAsByteArrayAsync()).Length;

        using var head = await rig.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var revalidate = new HttpRequestMessage(HttpMethod.Head, url);
        revalidate.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        using var notModified = await rig.Http.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(length, head.Content.Headers.ContentLength);
        Assert.Equal("audio/wav", head.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(get.Headers.ETag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task MediaUrl_ForgedExpiredOtherTextOrOtherShape_NotFound()
    {
        var speech = new SpeechRequest("Certificate expires in three days.", "en", 160);
        var good = await PreparedUrlAsync("alert", speech);
        var path = good.AbsolutePath;
        var urls = rig.Silo.Get<MediaUrls>();
        var forged = path[..^5] + (path[^5] == '0' ? '1' : '0') + ".wav";
        var expired = await urls.PathOfAsync("alert", SpeechKey.Of(speech), DateTimeOffset.UtcNow - TimeSpan.FromHours(25));
        var otherText = await urls.PathOfAsync("alert", SpeechKey.Of(speech with { Text = "Something else entirely." }), DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(path));
        foreach (var bad in new[] { forged, expired, otherText, path.Replace(".wav", ".WAV", StringComparison.Ordinal), path.Replace("/alert/", "/sample-x/", StringComparison.Ordinal), path[..^4], "/media/alert", "/media/x.wav" })
        {
            Assert.True(await StatusOfAsync(bad) == HttpStatusCode.NotFound, $"{bad} was not refused");
        }
    }

    [Fact]
    public async Task StormOfThousandAlertsWithOneSummary_RenderedOnce_CountedInMetrics()
    {
        const string bob = "+15550202";
        rig.Fleet.Script(bob, PhoneScript.RingsWithoutAnswer());
        await CreateProjectAsync("speech-storm", bob);
        // A voice no other test speaks with, so that this silo's renderings counter is this test's alone.
        await rig.Silo.Grains.GetGrain<IProjectGrain>("speech-storm").SetSpeechAsync(new ProjectSpeech("fr", 170));
        var before = await RendersAsync("fr");

        // At most 50 at a time: a thousand at once would queue longer than Orleans' response timeout on this SQLite store.
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 50 },
            async (i, _) => await TriggerAsync("speech-storm", $"node-{i}", "Node exporter down"));

        // The alert's words, and the two fixed answers in French: each rendered once.
        await Eventually.ReachesAsync(() => RendersAsync("fr"), n => n >= before + 3, Within, "the storm's speech rendered");
        await Task.Delay(2000);
        Assert.Equal(before + 3, await RendersAsync("fr"));
    }

    [Fact]
    public async Task ProjectVoiceSet_ListenEndpoint_ReturnsTheSampleAlertSpokenInIt()
    {
        await CreateProjectAsync("speech-de", "+15550203");
        var set = Admin(HttpMethod.Put, "/admin/projects/speech-de/speech");
        set.Content = JsonContent.Create(new { voice = "de", speed = 150 });

        using var setResponse = await rig.Http.SendAsync(set);
        using var sample = await rig.Http.SendAsync(Admin(HttpMethod.Get, "/admin/projects/speech-de/speech/sample"));

        Assert.Equal(HttpStatusCode.OK, setResponse.StatusCode);
        Assert.Equal(new ProjectSpeech("de", 150), (await rig.Silo.Grains.GetGrain<IProjectGrain>("speech-de").GetAsync())!.Speech);
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        Assert.Equal("audio/wav", sample.Content.Headers.ContentType!.MediaType);
        var wav = await sample.Content.ReadAsByteArrayAsync();
        Assert.Equal(8000, PcmWav.Read(wav).SampleRate);
        Assert.InRange(PcmWav.DurationOf(wav).TotalSeconds, 5, 30);
    }

    [Theory]
    [InlineData("{\"voice\": \"--help\", \"speed\": 160}", "voice")]
    [InlineData("{\"voice\": \"de\", \"speed\": 5}", "speed")]
    [InlineData("{\"voice\": 7}", "body")]
    public async Task ProjectVoice_BadValue_ProblemNamingTheField(string body, string field)
    {
        await CreateProjectAsync($"speech-bad-{field}", "+15550204");
        var set = Admin(HttpMethod.Put, $"/admin/projects/speech-bad-{field}/speech");
        set.Content = new StringContent(body, MediaTypeHeaderValue.Parse("application/json"));

        using var response = await rig.Http.SendAsync(set);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    private async Task<Uri> PreparedUrlAsync(string purpose, SpeechRequest speech)
    {
        await rig.Silo.Grains.GetGrain<ISpeechGrain>(SpeechKey.Of(speech)).PrepareAsync(speech);
        return new Uri((await rig.Silo.Get<MediaUrls>().UrlOfAsync(purpose, speech, DateTimeOffset.UtcNow))!);
    }

    private async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        using var response = await rig.Http.GetAsync(path);
        return response.StatusCode;
    }

    private async Task<double> RendersAsync(string voice) =>
        MetricsText.Sum(await rig.Http.GetStringAsync("/metrics"), "callping_speech_renders_total", ("voice", voice));

    private static HttpRequestMessage Admin(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SpeechRig.AdminToken);
        return request;
    }

    private Task CreateProjectAsync(string projectId, params string[] contacts) =>
        rig.Silo.Grains.GetGrain<IProjectGrain>(projectId).CreateAsync(new CreateProjectRequest(projectId, contacts));

    private async Task<string> TriggerAsync(string projectId, string dedupKey, string summary) =>
        (await rig.Silo.Grains.GetGrain<IDedupGrain>($"{projectId}/{dedupKey}").SubmitAsync(
            new AlertEvent(projectId, dedupKey, AlertAction.Trigger, summary, AlertSeverity.Critical, "monitoring", null, "api"))).AlertId!;

    private Task<AlertView> AcknowledgedAsync(string alertId) =>
        Eventually.ReachesAsync(async () => (await rig.Silo.Grains.GetGrain<IAlertGrain>(alertId).GetAsync())!,
            a => a.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended), Within, $"alert {alertId} acknowledged");

    private List<CallPing.PbxSimulator.Recording.KeyPressRecord> KeyPresses(string channelId) =>
        [.. rig.Fleet.Pbxes.SelectMany(p => p.Log.KeyPresses).Where(k => k.ChannelId == channelId)];

    private List<CallPing.PbxSimulator.Recording.PlaybackRecord> Playbacks(string channelId) =>
        [.. rig.Fleet.Pbxes.SelectMany(p => p.Log.Playbacks).Where(p => p.ChannelId == channelId)];
}
