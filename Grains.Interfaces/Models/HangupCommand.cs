namespace CallPing.Grains.Interfaces.Models;

/// <summary>The outbox effect that hangs up one try's channel (gone already counts as done).</summary>
public sealed record HangupCommand(string CallId, string ChannelId, string PbxId, string Reason)
{
    public const string Kind = "pbx.hangup";
}
