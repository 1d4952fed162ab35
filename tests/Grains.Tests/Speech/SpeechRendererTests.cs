using System.Diagnostics;
using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Speech;
using CallPing.TestSupport;
using Microsoft.Extensions.Options;

namespace CallPing.Grains.Tests.Speech;

/// <summary>Real espeak-ng renderings, as a PBX will get them, and the bounds that keep a bad one from hurting calls.</summary>
public sealed class SpeechRendererTests
{
    [Theory]
    [InlineData("en", "CallPing alert for project web. Critical. Disk full on db one.")]
    [InlineData("uk", "Тривога CallPing для проєкту web. Критично. Диск заповнений.")]
    [InlineData("de", "CallPing-Alarm für Projekt web. Kritisch. Festplatte voll.")]
    [InlineData("es", "Alerta de CallPing para el proyecto web. Crítico. Disco lleno.")]
    [InlineData("fr", "Alerte CallPing pour le projet web. Critique. Disque plein.")]
    public async Task Render_Voice_EightKilohertzMonoPcmWavStartingWithAPause(string voice, string text)
    {
        var renderer = Renderer(new SpeechOptions());

        var wav = await renderer.RenderAsync(new SpeechRequest(text, voice, 160));

        var (rate, samples) = PcmWav.Read(wav);
        Assert.Equal(SpeechRenderer.SampleRate, rate);
        Assert.Equal(wav.Length, 44 + 2 * samples.Length);
        var seconds = samples.Length / (double)rate;
        Assert.InRange(seconds, 2.0, 15.0);
        var pause = (int)(SpeechRenderer.LeadingPause.TotalSeconds * rate);
        Assert.All(samples[..pause], s => Assert.Equal(0, s));
        Assert.Contains(samples[pause..], s => Math.Abs((int)s) > 1000);
    }

    [Fact]
    public async Task Render_SameTextFaster_ShorterAudio()
    {
        var renderer = Renderer(new SpeechOptions());
        const string text = "Replica lag above five minutes on the primary database.";

        var slow = PcmWav.DurationOf(await renderer.RenderAsync(new SpeechRequest(text, "en", 120)));
        var fast = PcmWav.DurationOf(await renderer.RenderAsync(new SpeechRequest(text, "en", 240)));

        Assert.True(fast < slow * 0.75, $"at 240 wpm {fast.TotalSeconds:0.00} s, at 120 wpm {slow.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Render_EspeakHangs_KilledAtTheTimeout()
    {
        using var folder = new TempFolder();
        var hangs = Script(folder, "hangs", "sleep 60");
        var renderer = Renderer(new SpeechOptions { Espeak = hangs, RenderTimeout = TimeSpan.FromSeconds(1) });
        var started = Stopwatch.GetTimestamp();

        await Assert.ThrowsAsync<TimeoutException>(() => renderer.RenderAsync(new SpeechRequest("Disk full", "en", 160)));

        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Render_EspeakWritesWithoutEnd_StoppedAtTheSizeBound()
    {
        using var folder = new TempFolder();
        var endless = Script(folder, "endless", "cat /dev/zero");
        var renderer = Renderer(new SpeechOptions { Espeak = endless });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.RenderAsync(new SpeechRequest("Disk full", "en", 160)));

        Assert.Contains($"{SpeechRenderer.MaxRenderedBytes} bytes", error.Message);
    }

    [Fact]
    public async Task Render_UnknownVoice_Fails()
    {
        var renderer = Renderer(new SpeechOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.RenderAsync(new SpeechRequest("Disk full", "xx-nosuchvoice", 160)));
    }

    [Fact]
    public void Resample_ToPhoneRate_KeepsSpeechBandAndCutsAboveFourKilohertz()
    {
        var speech = Sine(1000, 22050, 22050);
        var hiss = Sine(6000, 22050, 22050);

        var keptSpeech = Resampled(speech, 22050, 8000);
        var keptHiss = Resampled(hiss, 22050, 8000);

        Assert.Equal(8000, keptSpeech.Length);
        Assert.InRange(Rms(keptSpeech[100..^100]), 0.9 * Rms(speech), 1.1 * Rms(speech));
        Assert.True(Rms(keptHiss[100..^100]) < 0.03 * Rms(hiss), $"6 kHz kept at {Rms(keptHiss[100..^100]) / Rms(hiss):P1}");
    }

    private static SpeechRenderer Renderer(SpeechOptions options) => new(Options.Create(options));

    private static string Script(TempFolder folder, string name, string body)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static short[] Resampled(short[] input, int fromRate, int toRate)
    {
        var output = new short[Resampler.OutputLength(input.Length, fromRate, toRate)];
        Resampler.Resample(input, fromRate, toRate, output);
        return output;
    }

    private static short[] Sine(double hertz, int rate, int count) =>
        [.. Enumerable.Range(0, count).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * hertz * i / rate)))];

    private static double Rms(short[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));
}
