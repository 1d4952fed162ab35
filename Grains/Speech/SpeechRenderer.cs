using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace CallPing.Grains.Speech;

/// <summary>
/// Speaks a text with espeak-ng (22.05 kHz) and turns it into what Asterisk plays from a URL: 8 kHz mono 16-bit PCM WAV,
/// with a short silence first so that the callee's "hello" does not cover the first words. Bounded in time
/// (<see cref="SpeechOptions.RenderTimeout"/>), size (<see cref="MaxRenderedBytes"/>) and concurrency.
/// </summary>
public sealed class SpeechRenderer(IOptions<SpeechOptions> options)
{
    public const int SampleRate = 8000;

    /// <summary>Silence before the words.</summary>
    public static readonly TimeSpan LeadingPause = TimeSpan.FromMilliseconds(700);

    /// <summary>espeak-ng's output beyond this (about a minute at 22.05 kHz) is cut off: a prompt is never that long.</summary>
    public const int MaxRenderedBytes = 3 * 1024 * 1024;

    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRenders);

    private SpeechOptions Options => options.Value;

    /// <summary>The WAV of <paramref name="request"/>; throws when espeak-ng fails, is missing, or runs out of time.</summary>
    public async Task<byte[]> RenderAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            // espeak-ng's output is read into a pooled buffer (one byte over the bound, so that output past it is seen)
            // and resampled straight into the WAV that is kept: the WAV is a rendering's one large allocation (see
            // Resampler on why that matters).
            var spoken = ArrayPool<byte>.Shared.Rent(MaxRenderedBytes + 1);
            try
            {
                var length = await SpeakAsync(request, spoken, cancellationToken);
                var samples = PcmWav.SamplesOf(spoken.AsSpan(0, length), out var rate);
                var pause = (int)(LeadingPause.TotalSeconds * SampleRate);
                var resampled = Resampler.OutputLength(samples.Length, rate, SampleRate);
                var wav = PcmWav.Silent(SampleRate, pause + resampled);
                Resampler.Resample(samples, rate, SampleRate, PcmWav.SamplesOf(wav)[pause..]);
                CallPingMetrics.RecordSpeechRendered(request.Voice, Stopwatch.GetElapsedTime(started));
                return wav;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(spoken);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Speaks the text into <paramref name="output"/>; returns how many bytes of WAV espeak-ng wrote.</summary>
    private async Task<int> SpeakAsync(SpeechRequest request, byte[] output, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RenderTimeout);
        var start = new ProcessStartInfo(Options.Espeak)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The text goes in on stdin, never on the command line, so that no alert text is read as an option.
        foreach (var argument in new[] { "-v", request.Voice, "-s", request.Speed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stdout", "--stdin" })
        {
            start.ArgumentList.Add(argument);
        }

        using var espeak = new Process { StartInfo = start };
        try
        {
            espeak.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{Options.Espeak} could not be started (Debian package espeak-ng): {e.Message}", e);
        }

        // Killing it ends every read and wait below, whatever the pipes' support for cancellation.
        using var kill = timeout.Token.Register(() => KillQuietly(espeak));
        try
        {
            try
            {
                await espeak.StandardInput.WriteAsync(request.Text.ReplaceLineEndings(" ").AsMemory(), timeout.Token);
                espeak.StandardInput.Close();
            }
            catch (IOException)
            {
                // It exited before reading the text (an unknown voice, say): its exit code and message say why, below.
            }

            var errors = espeak.StandardError.ReadToEndAsync(CancellationToken.None);
            var length = await ReadBoundedAsync(espeak.StandardOutput.BaseStream, output);
            await espeak.WaitForExitAsync(CancellationToken.None);
            timeout.Token.ThrowIfCancellationRequested();
            if (espeak.ExitCode != 0 || length == 0)
            {
                throw new InvalidOperationException($"espeak-ng -v {request.Voice} failed (exit {espeak.ExitCode}): {(await errors).Trim()}");
            }

            return length;
        }
        catch (Exception e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            throw new TimeoutException($"espeak-ng took more than {Options.RenderTimeout.TotalSeconds:0.#} s.", e);
        }
        finally
        {
            KillQuietly(espeak);
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    /// <summary>Reads the stream to its end into <paramref name="output"/> (at least one byte over the bound); more than <see cref="MaxRenderedBytes"/> is an error.</summary>
    private static async Task<int> ReadBoundedAsync(Stream stream, byte[] output)
    {
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(output.AsMemory(length, MaxRenderedBytes + 1 - length))) > 0)
        {
            length += read;
            if (length > MaxRenderedBytes)
            {
                throw new InvalidOperationException($"espeak-ng wrote more than {MaxRenderedBytes} bytes; the text is too long to speak.");
            }
        }

        return length;
    }
}
