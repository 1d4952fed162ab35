using System.Collections.Concurrent;

namespace CallPing.PbxSimulator.Media;

/// <summary>
/// Asterisk's media cache as res_http_media_cache fills it: keyed by the whole URL, never evicted. A fresh file is
/// used as it is; a stale one with an ETag is revalidated (HEAD, 304 keeps it); any other stale one is dropped and
/// fetched again. A failed fetch leaves nothing behind. It outlives a simulated restart, as Asterisk keeps it in astdb.
/// </summary>
internal sealed class MediaCache(MediaFetcher fetcher)
{
    private readonly ConcurrentDictionary<string, CachedMedia> _files = new();

    /// <summary>The file for the URL, fetched or revalidated as needed; null when it could not be fetched.</summary>
    public async Task<CachedMedia?> RetrieveAsync(Uri url)
    {
        var key = url.OriginalString;
        if (_files.TryGetValue(key, out var cached))
        {
            if (cached.IsFresh(DateTimeOffset.UtcNow))
            {
                return cached;
            }

            if (cached.ETag is not null && await fetcher.RevalidateAsync(cached) is { } revalidated)
            {
                _files.TryUpdate(key, revalidated, cached);
                return revalidated;
            }

            _files.TryRemove(new KeyValuePair<string, CachedMedia>(key, cached));
        }

        // The fetch runs outside any lock, as in Asterisk; when two ran at once the file stored first stays.
        return await fetcher.GetAsync(url) is { } fetched ? _files.GetOrAdd(key, fetched) : null;
    }
}
