namespace CallPing.Grains.Pbx;

/// <summary>
/// How quickly a PBX's health changes. Not bound to configuration by default: the grains see these defaults
/// unless a host registers <c>services.Configure&lt;PbxHealthOptions&gt;(...)</c>.
/// </summary>
public sealed class PbxHealthOptions
{
    public const string Section = "PbxHealth";

    /// <summary>Good pings in a row, with the event socket connected, that bring a down PBX back.</summary>
    public int GoodPingsToRecover { get; set; } = 2;

    /// <summary>Call tries in a row that ended in a trunk failure before a healthy PBX is degraded.</summary>
    public int TrunkFailuresToDegrade { get; set; } = 3;

    /// <summary>Good pings in a row, counted from the moment it was degraded, that make a degraded PBX healthy again.</summary>
    public int GoodPingsToLeaveDegraded { get; set; } = 3;

    /// <summary>How many of the latest errors a PBX keeps for the admin view.</summary>
    public int ErrorsKept { get; set; } = 5;
}
