namespace CallPing.Ari.Models;

/// <summary>Answer to GET /ari/asterisk/info; each part may be absent when filtered with ?only=.</summary>
public sealed record AsteriskInfo
{
    public AsteriskSystemInfo? System { get; init; }

    public AsteriskStatusInfo? Status { get; init; }

    public AsteriskConfigInfo? Config { get; init; }
}
