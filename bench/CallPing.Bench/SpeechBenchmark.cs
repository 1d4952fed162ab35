using System.Diagnostics;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Speech;
using Microsoft.Extensions.Options;

namespace CallPing.Bench;

/// <summary>
/// Rendering one alert's words with espeak-ng into the 8 kHz WAV a PBX plays: distinct texts (no cache can help), one
/// after another and then all at once through the silo's renderer (whose slots bound the concurrency), beside the
/// audio's own length.
/// </summary>
public static class SpeechBenchmark
{
    public static async Task RunAsync(int texts)
    {
        var renderer = new SpeechRenderer(Options.Create(new SpeechOptions()));
        var requests = Enumerable.Range(0, texts)
            .Select(i => PromptTexts.For("checkout", AlertSeverity.Critical, $"Disk {i} almost full on database server {i % 7}, replica lag {i} seconds", ProjectSpeech.Default).Alert)
            .ToList();
        // espeak-ng and the resampler once, so that the first figure is not the process's start-up.
        await renderer.RenderAsync(requests[0] with { Text = "warm up" });

        var one = new List<TimeSpan>();
        var audio = new List<TimeSpan>();
        foreach (var request in requests)
        {
            var started = Stopwatch.GetTimestamp();
            var wav = await renderer.RenderAsync(request);
            one.Add(Stopwatch.GetElapsedTime(started));
            audio.Add(PcmWav.DurationOf(wav));
        }

        var storm = Stopwatch.GetTimestamp();
        var together = await Task.WhenAll(requests.Select(async request =>
        {
            var started = Stopwatch.GetTimestamp();
            await renderer.RenderAsync(request with { Speed = 161 });
            return Stopwatch.GetElapsedTime(started);
        }));
        var stormTook = Stopwatch.GetElapsedTime(storm);

        Console.WriteLine($"| rendering one alert, one at a time ({texts} distinct texts) | {Percentiles.Of(one)} | audio {Percentiles.Of(audio)} |");
        Console.WriteLine($"| rendering {texts} distinct alerts at once ({new SpeechOptions().MaxConcurrentRenders} slots) | {Percentiles.Of(together)} | all in {stormTook.TotalSeconds:0.0} s |");
    }
}
