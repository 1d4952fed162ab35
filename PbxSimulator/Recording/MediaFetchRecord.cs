namespace CallPing.PbxSimulator.Recording;

/// <summary>One HTTP request the PBX made for media by URL, as res_http_media_cache makes them.</summary>
/// <param name="Url">The media URL (the cache key).</param>
/// <param name="Method">GET to fetch, HEAD (with If-None-Match) to revalidate a cached file by its ETag.</param>
/// <param name="Status">The HTTP status; null when no answer came (connection refused, timeout).</param>
/// <param name="AudioSeconds">How long the body's audio lasts by its WAV header; null for HEAD, a failed fetch or a body that is no WAV.</param>
/// <param name="Error">Why no answer came, e.g. "timeout"; null when one came.</param>
/// <param name="At">When the request was sent.</param>
/// <param name="Took">How long it blocked the channel.</param>
public sealed record MediaFetchRecord(string Url, string Method, int? Status, double? AudioSeconds, string? Error, DateTimeOffset At, TimeSpan Took);
