using System.Security.Cryptography;
using System.Text;
using CallPing.Grains.Interfaces.Speech;

namespace CallPing.Grains.Speech;

/// <summary>The content address of a spoken text: the same text, voice and speed always give the same key (and URL).</summary>
public static class SpeechKey
{
    /// <summary>32 lower-case hex digits of SHA-256 over the voice, speed and text.</summary>
    public static string Of(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Voice}\n{request.Speed}\n{request.Text}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Whether <paramref name="key"/> has the shape <see cref="Of"/> gives.</summary>
    public static bool IsWellFormed(string key) => key.Length == 32 && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
