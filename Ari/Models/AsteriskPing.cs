namespace CallPing.Ari.Models;

/// <summary>Answer to GET /ari/asterisk/ping.</summary>
public sealed record AsteriskPing
{
    public string Ping { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    public string AsteriskId { get; init; } = "";
}
