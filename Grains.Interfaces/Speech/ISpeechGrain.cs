namespace CallPing.Grains.Interfaces.Speech;

/// <summary>
/// One spoken text, rendered once for the whole cluster and kept in memory while it is in use. Key: the hash of its
/// text, voice and speed (<see cref="SpeechRequest"/>), so identical alerts share one rendering.
/// </summary>
[Alias("callping.ISpeechGrain")]
public interface ISpeechGrain : IGrainWithStringKey
{
    /// <summary>Starts rendering the text unless it is rendered or rendering already; returns at once.</summary>
    [Alias("Prepare")]
    Task PrepareAsync(SpeechRequest request);

    /// <summary>The rendered audio (8 kHz mono 16-bit PCM WAV), waiting a bounded time for a rendering in progress; null when there is none.</summary>
    [Alias("GetAudio")]
    Task<byte[]?> GetAudioAsync();
}
