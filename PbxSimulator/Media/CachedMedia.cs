using System.Globalization;
using System.Text.RegularExpressions;

namespace CallPing.PbxSimulator.Media;

/// <summary>
/// One file in the PBX's media cache, keyed by its whole URL, with the headers res_http_media_cache keeps
/// (Cache-Control, Expires, ETag) and the freshness it derives from them.
/// </summary>
/// <param name="Url">The cache key.</param>
/// <param name="Format">What the file is stored as; null when neither Content-Type nor path named a format.</param>
/// <param name="Audio">The file read as WAV; null when it is none.</param>
/// <param name="Headers">The cache headers, names in lower case.</param>
/// <param name="Expires">Until when it is used without asking the server again.</param>
internal sealed partial record CachedMedia(Uri Url, SoundFormat? Format, WavAudio? Audio, IReadOnlyDictionary<string, string> Headers, DateTimeOffset Expires)
{
    public static readonly string[] KeptHeaders = ["etag", "cache-control", "expires"];

    public string? ETag => Headers.GetValueOrDefault("etag");

    /// <summary>Whether Asterisk uses it now without asking the server: not expired, and no no-cache or must-revalidate.</summary>
    public bool IsFresh(DateTimeOffset now)
    {
        var control = Headers.GetValueOrDefault("cache-control") ?? "";
        return now < Expires && !control.Contains("no-cache", StringComparison.Ordinal) && !control.Contains("must-revalidate", StringComparison.Ordinal);
    }

    /// <summary>
    /// As res_http_media_cache computes it: now plus Cache-Control's s-maxage (else max-age); without Cache-Control, the
    /// Expires date; else now, which means stale at once.
    /// </summary>
    public static DateTimeOffset ExpiryOf(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        if (headers.GetValueOrDefault("cache-control") is { } control)
        {
            var at = control.IndexOf("s-maxage", StringComparison.Ordinal);
            at = at >= 0 ? at : control.IndexOf("max-age", StringComparison.Ordinal);
            var equals = at >= 0 ? control.IndexOf('=', at) : -1;
            var number = equals >= 0 ? LeadingNumber().Match(control, equals + 1) : Match.Empty;
            return number.Success && uint.TryParse(number.Groups[1].Value, CultureInfo.InvariantCulture, out var seconds) ? now.AddSeconds(seconds) : now;
        }

        return headers.GetValueOrDefault("expires") is { } expires
            && DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : now;
    }

    [GeneratedRegex(@"\G\s*(\d+)")]
    private static partial Regex LeadingNumber();
}
