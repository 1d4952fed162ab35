using System.Diagnostics;
using CallPing.PbxSimulator.Recording;

namespace CallPing.PbxSimulator.Media;

/// <summary>
/// The HTTP side of res_http_media_cache (libcurl): GET a file, or revalidate a cached one with HEAD and
/// If-None-Match. Each request is bounded by the timeout as a whole (timeout_secs) and recorded in the call log.
/// </summary>
internal sealed class MediaFetcher(HttpClient http, TimeSpan timeout, CallLog log)
{
    /// <summary>The file when the server answered 2xx (whatever the body is), else null.</summary>
    public async Task<CachedMedia?> GetAsync(Uri url)
    {
        var answer = await SendAsync(HttpMethod.Get, url, ifNoneMatch: null);
        if (answer is not { Status: >= 200 and < 300 } ok)
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        return new CachedMedia(url, SoundFormat.Of(ok.ContentType, url), ok.Audio, ok.Headers, CachedMedia.ExpiryOf(ok.Headers, now));
    }

    /// <summary>The cached file made fresh again when the server answers 304 to its ETag; null when it is stale.</summary>
    public async Task<CachedMedia?> RevalidateAsync(CachedMedia cached)
    {
        var answer = await SendAsync(HttpMethod.Head, cached.Url, cached.ETag);
        if (answer is not { Status: 304 } notModified)
        {
            return null;
        }

        // Headers the 304 carries replace the kept ones, as curl's header callback overwrites the file's metadata.
        var headers = new Dictionary<string, string>(cached.Headers);
        foreach (var (name, value) in notModified.Headers)
        {
            headers[name] = value;
        }

        return cached with { Headers = headers, Expires = CachedMedia.ExpiryOf(headers, DateTimeOffset.UtcNow) };
    }

    private async Task<Answer?> SendAsync(HttpMethod method, Uri url, string? ifNoneMatch)
    {
        var at = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(method, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            using var response = await http.SendAsync(request, limit.Token);
            var audio = method == HttpMethod.Get && response.IsSuccessStatusCode ? WavAudio.Read(await response.Content.ReadAsByteArrayAsync(limit.Token)) : null;
            var status = (int)response.StatusCode;
            log.Add(new MediaFetchRecord(url.OriginalString, method.Method, status, audio?.Duration?.TotalSeconds, null, at, clock.Elapsed));
            return new Answer(status, response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var type) ? type.ToString() : null, KeptHeaders(response), audio);
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            var error = failure switch
            {
                HttpRequestException { HttpRequestError: var kind } => kind.ToString(),
                OperationCanceledException => "timeout",
                _ => "simulator disposed",
            };
            log.Add(new MediaFetchRecord(url.OriginalString, method.Method, null, null, error, at, clock.Elapsed));
            return null;
        }
    }

    private static Dictionary<string, string> KeptHeaders(HttpResponseMessage response)
    {
        var kept = new Dictionary<string, string>();
        foreach (var name in CachedMedia.KeptHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values))
            {
                kept[name] = values.ToString();
            }
        }

        return kept;
    }

    private sealed record Answer(int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, WavAudio? Audio);
}
