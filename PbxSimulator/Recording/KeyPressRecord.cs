namespace CallPing.PbxSimulator.Recording;

/// <summary>One key a scripted callee pressed.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="Digit">The key.</param>
/// <param name="Delivered">Whether a socket was connected for the channel's application to carry ChannelDtmfReceived.</param>
/// <param name="At">When.</param>
public sealed record KeyPressRecord(string ChannelId, string Digit, bool Delivered, DateTimeOffset At);
