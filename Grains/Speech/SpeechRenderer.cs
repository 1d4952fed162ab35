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
            var spoken = await SpeakAsync(request, cancellationToken);
            var (rate, samples) = PcmWav.Read(spoken);
            var resampled = Resampler.Resample(samples, rate, SampleRate);
            var audio = new short[(int)(LeadingPause.TotalSeconds * SampleRate) + resampled.Length];
            resampled.CopyTo(audio.AsSpan(audio.Length - resampled.Length));
            var wav = PcmWav.Write(SampleRate, audio);
            CallPingMetrics.RecordSpeechRendered(request.Voice, Stopwatch.GetElapsedTime(started));
            return wav;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<byte[]> SpeakAsync(SpeechRequest request, CancellationToken cancellationToken)
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

        LowerPriority(espeak);
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
            var output = await ReadBoundedAsync(espeak.StandardOutput.BaseStream);
            await espeak.WaitForExitAsync(CancellationToken.None);
            timeout.Token.ThrowIfCancellationRequested();
            if (espeak.ExitCode != 0 || output.Length == 0)
            {
                throw new InvalidOperationException($"espeak-ng -v {request.Voice} failed (exit {espeak.ExitCode}): {(await errors).Trim()}");
            }

            return output;
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

    /// <summary>Rendering is background work beside the calls: where CPU is short, the silo's dials and answers go first.</summary>
    private static void LowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already exited (an unknown voice, say): its exit code says why, below.
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

    private static async Task<byte[]> ReadBoundedAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxRenderedBytes)
            {
                throw new InvalidOperationException($"espeak-ng wrote more than {MaxRenderedBytes} bytes; the text is too long to speak.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
