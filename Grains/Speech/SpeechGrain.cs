using CallPing.Grains.Interfaces.Speech;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CallPing.Grains.Speech;

/// <summary>
/// One spoken text. The rendering runs on the thread pool, off the grain's turns, so that preparing and fetching never
/// wait behind espeak-ng; its result stays in memory while the activation lives and nothing is stored: a call that is
/// answered prepares its text again, so a text lost with its silo is rendered anew. Reentrant: its only state is the
/// rendering task, and a fetch that waits for it must not hold up the preparations of a storm.
/// </summary>
[Reentrant]
public sealed class SpeechGrain(SpeechRenderer renderer, IOptions<SpeechOptions> options, ILogger<SpeechGrain> logger) : Grain, ISpeechGrain
{
    private Task<byte[]>? _rendering;

    public Task PrepareAsync(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SpeechKey.Of(request) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The request's text, voice and speed do not hash to this grain's key.", nameof(request));
        }

        if (_rendering is null || _rendering.IsFaulted || _rendering.IsCanceled)
        {
            _rendering = Task.Run(() => renderer.RenderAsync(request));
            _ = _rendering.ContinueWith(t => logger.LogWarning(t.Exception?.GetBaseException(), "Speech {Key} ({Voice}) could not be rendered", this.GetPrimaryKeyString(), request.Voice),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    public async Task<byte[]?> GetAudioAsync()
    {
        if (_rendering is not { } rendering)
        {
            return null;
        }

        try
        {
            return await rendering.WaitAsync(options.Value.FetchWait);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Failed or still running: the PBX gets a 404 and plays the fallback; the error was logged when it happened.
            return null;
        }
    }
}
