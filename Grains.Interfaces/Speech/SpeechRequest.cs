namespace CallPing.Grains.Interfaces.Speech;

/// <summary>A text to speak with an espeak-ng voice (e.g. "en", "de") at a speed in words per minute.</summary>
[GenerateSerializer, Immutable, Alias("callping.SpeechRequest")]
public sealed record SpeechRequest(
    [property: Id(0)] string Text,
    [property: Id(1)] string Voice,
    [property: Id(2)] int Speed);
