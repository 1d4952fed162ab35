namespace CallPing.Grains.Interfaces.Models;

/// <summary>The outbox effect that originates one try; it runs on the silo holding the PBX's lease.</summary>
public sealed record DialCommand(string CallId, string ChannelId, string PbxId, string Number, int RingTimeoutSeconds)
{
    public const string Kind = "pbx.dial";

    /// <summary>The lease of the silo that drives <paramref name="pbxId"/>.</summary>
    public static string LeaseOf(string pbxId) => $"pbx:{pbxId}";
}
