namespace CallPing.PbxSimulator.Recording;

/// <summary>One channel's end.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="Number">The dialled number.</param>
/// <param name="Cause">Q.850 cause reported in ChannelDestroyed.</param>
/// <param name="CauseText">cause_txt.</param>
/// <param name="Source">Who ended it.</param>
/// <param name="Answered">Whether the channel had entered Stasis.</param>
/// <param name="At">When.</param>
public sealed record HangupRecord(
    string ChannelId,
    string Number,
    int Cause,
    string CauseText,
    HangupSource Source,
    bool Answered,
    DateTimeOffset At);
