using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Pbx;

/// <summary>The stored health of one PBX. A PBX nobody has reported on yet is Down with no provider.</summary>
public sealed class PbxState
{
    public string Provider { get; set; } = "";

    public PbxStatus Status { get; set; } = PbxStatus.Down;

    public DateTimeOffset? StatusSince { get; set; }

    public bool Connected { get; set; }

    public string? DrivenBy { get; set; }

    public int ConsecutivePingFailures { get; set; }

    /// <summary>Good pings in a row while the event socket was up; restarts at zero when the PBX is degraded.</summary>
    public int ConsecutiveGoodPings { get; set; }

    public int ConsecutiveTrunkFailures { get; set; }

    public long CallsPlaced { get; set; }

    public long TrunkFailures { get; set; }

    public DateTimeOffset? LastPingAt { get; set; }

    /// <summary>The latest errors, oldest first, each starting with its UTC time.</summary>
    public List<string> LastErrors { get; set; } = [];
}
