namespace CallPing.Ari.Models;

/// <summary>The "status" part of Asterisk info: a change of startup_time means the PBX restarted.</summary>
public sealed record AsteriskStatusInfo
{
    public DateTimeOffset StartupTime { get; init; }

    public DateTimeOffset LastReloadTime { get; init; }
}
