using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Pbx.Fleet;
using Microsoft.Extensions.Options;

namespace CallPing.Grains.Speech;

/// <summary>
/// The URLs a PBX fetches spoken audio from: <c>{Pbx:MediaBaseUrl}/media/{purpose}/{key}-{signature}.wav</c>. The key is
/// the text's content address (<see cref="SpeechKey"/>); the signature is an HMAC, with a secret every node shares,
/// over the purpose, the key and the half-day the URL was made in. A URL is accepted in its half-day and the next one,
/// so it lives 12 to 24 hours, and within a half-day the same text has the same URL, which the PBX's cache serves.
/// </summary>
public sealed class MediaUrls(IGrainFactory grains, IOptions<PbxOptions> options)
{
    public const string PathPrefix = "/media";

    public static readonly TimeSpan Window = TimeSpan.FromHours(12);

    /// <summary>What a URL is for; a path naming anything else is refused.</summary>
    public static readonly IReadOnlySet<string> Purposes = new HashSet<string>(StringComparer.Ordinal) { "alert", "acknowledged", "passed-on", "sample" };

    private const string SecretName = "media-url-signing";

    private byte[]? _secret;

    /// <summary>Whether PBXes can be given URLs at all (Pbx:MediaBaseUrl is set).</summary>
    public bool Enabled => !string.IsNullOrEmpty(options.Value.MediaBaseUrl);

    /// <summary>The URL of <paramref name="request"/>'s audio, made at <paramref name="now"/>; null when Pbx:MediaBaseUrl is not set.</summary>
    public async Task<string?> UrlOfAsync(string purpose, SpeechRequest request, DateTimeOffset now)
    {
        if (!Enabled)
        {
            return null;
        }

        return $"{options.Value.MediaBaseUrl!.TrimEnd('/')}{await PathOfAsync(purpose, SpeechKey.Of(request), now)}";
    }

    /// <summary>The path (from /media on) of the audio keyed <paramref name="key"/>, signed for the half-day of <paramref name="now"/>.</summary>
    public async Task<string> PathOfAsync(string purpose, string key, DateTimeOffset now)
    {
        if (!Purposes.Contains(purpose))
        {
            throw new ArgumentException($"Unknown media purpose '{purpose}'.", nameof(purpose));
        }

        return $"{PathPrefix}/{purpose}/{key}-{await SignatureAsync(purpose, key, WindowOf(now))}.wav";
    }

    /// <summary>The speech key a requested file names, when its signature is good at <paramref name="now"/>; otherwise null.</summary>
    public async Task<string?> VerifyAsync(string purpose, string file, DateTimeOffset now)
    {
        // "{32 hex}-{32 hex}.wav", lower case as made: Asterisk takes the format from a lower-case extension.
        if (!Purposes.Contains(purpose) || file.Length != 32 + 1 + 32 + 4 || file[32] != '-' || !file.EndsWith(".wav", StringComparison.Ordinal))
        {
            return null;
        }

        var key = file[..32];
        var signature = file[33..65];
        if (!SpeechKey.IsWellFormed(key))
        {
            return null;
        }

        var window = WindowOf(now);
        foreach (var candidate in new[] { window, window - 1 })
        {
            var expected = await SignatureAsync(purpose, key, candidate);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected)))
            {
                return key;
            }
        }

        return null;
    }

    private static long WindowOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Window.TotalSeconds;

    private async Task<string> SignatureAsync(string purpose, string key, long window)
    {
        _secret ??= await grains.GetGrain<ISharedSecretGrain>(SecretName).GetOrCreateAsync(RandomNumberGenerator.GetBytes(32));
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{purpose}/{key}/{window.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
