namespace CallPing.Grains.Interfaces.Models;

/// <summary>The outbox effect that plays media on an answered try; with HangupAfter, the call is hung up when it finishes.</summary>
public sealed record PlayCommand(string CallId, string ChannelId, string PbxId, string PlaybackId, IReadOnlyList<string> Media, bool HangupAfter)
{
    public const string Kind = "pbx.play";
}
