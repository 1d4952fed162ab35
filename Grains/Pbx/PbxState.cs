using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Pbx;

/// <summary>The stored health of one PBX. A PBX nobody has reported on yet is Down with no provider.</summary>
[GenerateSerializer, Alias("callping.PbxState")]
public sealed class PbxState
{
    [Id(0)]
    public string Provider { get; set; } = "";

    [Id(1)]
    public PbxStatus Status { get; set; } = PbxStatus.Down;

    [Id(2)]
    public DateTimeOffset? StatusSince { get; set; }

    [Id(3)]
    public bool Connected { get; set; }

    [Id(4)]
    public string? DrivenBy { get; set; }

    [Id(5)]
    public int ConsecutivePingFailures { get; set; }

    /// <summary>Good pings in a row while the event socket was up; restarts at zero when the PBX is degraded.</summary>
    [Id(6)]
    public int ConsecutiveGoodPings { get; set; }

    [Id(7)]
    public int ConsecutiveTrunkFailures { get; set; }

    [Id(8)]
    public long CallsPlaced { get; set; }

    [Id(9)]
    public long TrunkFailures { get; set; }

    [Id(10)]
    public DateTimeOffset? LastPingAt { get; set; }

    /// <summary>The latest errors, oldest first, each starting with its UTC time.</summary>
    [Id(11)]
    public List<string> LastErrors { get; set; } = [];

    /// <summary>Channels originated here whose end was not seen yet, written before each originate.</summary>
    [Id(13)]
    public List<string> LiveChannels { get; set; } = [];

    /// <summary>A copy that shares nothing changeable with this one, to be written while this one changes.</summary>
    public PbxState Snapshot()
    {
        var copy = (PbxState)MemberwiseClone();
        copy.LastErrors = [.. LastErrors];
        copy.LiveChannels = [.. LiveChannels];
        return copy;
    }
}
