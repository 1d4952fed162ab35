namespace CallPing.PbxSimulator;

/// <summary>One simulated PBX.</summary>
public sealed record SimulatorOptions
{
    /// <summary>0 = any free port; the bound one is in <see cref="SimulatedPbx.Port"/>.</summary>
    public int Port { get; init; }

    /// <summary>Interface to listen on; keep 127.0.0.1 unless containers need more.</summary>
    public string Host { get; init; } = "127.0.0.1";

    public string User { get; init; } = "callping";

    public string Password { get; init; } = "secret";

    /// <summary>An ARI user with read_only = yes in ari.conf: its writes get 403. None when null.</summary>
    public string? ReadOnlyUser { get; init; }

    public string ReadOnlyPassword { get; init; } = "";

    /// <summary>The only PJSIP endpoint that accepts calls: PJSIP/{number}@{Trunk}.</summary>
    public string Trunk { get; init; } = "trunk-a";

    public string AsteriskId { get; init; } = "02:42:ac:11:00:02";

    public string Version { get; init; } = "22.10.1";

    /// <summary>How long one media item of a playback lasts (media by URL last as long as their audio).</summary>
    public TimeSpan MediaDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// res_http_media_cache's timeout_secs: how long one media request may take as a whole. Asterisk's default is
    /// 180 s; this is the 5 s CallPing's README asks operators to set.
    /// </summary>
    public TimeSpan MediaFetchTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Asterisk's astcachedir: its length decides how short a media URL may be before the cache file's name is cut.</summary>
    public string MediaCacheDirectory { get; init; } = "/var/cache/asterisk";
}
