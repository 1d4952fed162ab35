namespace CallPing.PbxSimulator.Media;

/// <summary>
/// How Asterisk 22 opens <c>sound:http(s)://...</c> when a playback reaches it (main/file.c): it looks for the file
/// twice (in the channel's language "en", then in none), each look asking the media cache, so a failed fetch is made
/// twice; then format_wav opens the file, which must be 16-bit mono PCM at its format's rate.
/// </summary>
internal sealed class MediaByUrl(MediaCache cache, string cacheDirectory)
{
    private const int Looks = 2;

    /// <summary>
    /// The cached file's name is copied into a buffer sized for the media name, its length plus the language's ("en")
    /// plus 4 including the terminating zero: when the URL is shorter than the cache file's name, the name is cut and
    /// the file is not found.
    /// </summary>
    private const int NameBufferSlack = 2 + 4 - 1;

    /// <summary>mkstemp's template for a fetched file, under the cache directory.</summary>
    private const string CacheFileName = "/bucket-XXXXXX";

    public static bool IsUrl(string media) => media.StartsWith("sound:", StringComparison.Ordinal) && media.Contains("://", StringComparison.Ordinal);

    /// <summary>How long the medium plays; null when Asterisk would fail it.</summary>
    public async Task<TimeSpan?> OpenAsync(string media)
    {
        var url = media["sound:".Length..];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        for (var look = 0; look < Looks; look++)
        {
            if (await cache.RetrieveAsync(uri) is { Format: { } format } file && !NameIsCut(url))
            {
                return file.Audio is { } audio && audio.OpensAt(format.SampleRate) ? audio.PlayTime(format.SampleRate) : null;
            }
        }

        return null;
    }

    private bool NameIsCut(string url) => url.Length + NameBufferSlack < cacheDirectory.Length + CacheFileName.Length;
}
