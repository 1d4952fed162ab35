namespace CallPing.Ari.Models;

/// <summary>The "config" part of Asterisk info.</summary>
public sealed record AsteriskConfigInfo
{
    public string Name { get; init; } = "";

    public string DefaultLanguage { get; init; } = "";

    public int? MaxChannels { get; init; }
}
