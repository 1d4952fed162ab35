namespace CallPing.Grains.Interfaces.Models;

/// <summary>How a project's calls speak: an espeak-ng voice (its language: en, uk, de, es, fr, ...) and a speed in words per minute.</summary>
[GenerateSerializer, Immutable, Alias("callping.ProjectSpeech")]
public sealed record ProjectSpeech(
    [property: Id(0)] string Voice,
    [property: Id(1)] int Speed)
{
    public static ProjectSpeech Default { get; } = new("en", 160);
}
