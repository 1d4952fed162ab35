using CallPing.Grains.Interfaces.Speech;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>What an alert's calls say: the alert with its menu, the answer to 1, and the answer to 2.</summary>
[GenerateSerializer, Immutable, Alias("callping.SpokenPrompts")]
public sealed record SpokenPrompts(
    [property: Id(0)] SpeechRequest Alert,
    [property: Id(1)] SpeechRequest Acknowledged,
    [property: Id(2)] SpeechRequest PassedOn);
