namespace CallPing.Ari.Models;

/// <summary>The "system" part of Asterisk info.</summary>
public sealed record AsteriskSystemInfo
{
    public string Version { get; init; } = "";

    public string EntityId { get; init; } = "";
}
