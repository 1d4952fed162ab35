using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Calls;

/// <summary>Classifies a finished call from what ARI told us about it.</summary>
public static class CallOutcomes
{
    /// <summary>
    /// Classifies a call. dialstatus is read before cause because Local channels report cause 0 for
    /// busy and congestion.
    /// </summary>
    /// <param name="answered">A StasisStart arrived for the channel.</param>
    /// <param name="lastDialStatus">The last Dial event's dialstatus for the channel, or null/"" if none.</param>
    /// <param name="cause">ChannelDestroyed's cause.</param>
    /// <param name="finalState">ChannelDestroyed's channel state ("Down", "Ringing", "Up"), when known.</param>
    public static CallOutcome Classify(bool answered, string? lastDialStatus, int cause, string? finalState = null)
    {
        if (answered)
        {
            return CallOutcome.Answered;
        }

        // No 100/180 from the trunk at all: the channel never left Down (a RINGING would have made it Ringing) and it
        // ended with 19 (SIP 480), with no final dialstatus or, on Asterisk 22, a final NOANSWER. No phone rang, so it is
        // the trunk that failed, not the callee who did not answer.
        if (cause is 18 or 19 && finalState == "Down" && (string.IsNullOrEmpty(lastDialStatus) || lastDialStatus == "NOANSWER"))
        {
            return CallOutcome.TrunkFailure;
        }

        switch (lastDialStatus)
        {
            case "BUSY":
                return CallOutcome.Busy;
            case "CONGESTION" or "CHANUNAVAIL":
                return CallOutcome.TrunkFailure;
        }

        return cause switch
        {
            17 => CallOutcome.Busy,
            18 or 19 => CallOutcome.NoAnswer,
            21 => CallOutcome.Rejected,
            1 or 3 or 22 or 28 => CallOutcome.BadNumber,
            27 or 34 or 38 or 41 or 42 or 44 or 127 => CallOutcome.TrunkFailure,
            // Older Asterisk gives cause 0 "Unknown" when an originate times out while ringing.
            0 when lastDialStatus is "RINGING" or "PROGRESS" or "NOANSWER" => CallOutcome.NoAnswer,
            _ => CallOutcome.Failed,
        };
    }

    /// <summary>
    /// True when the try should be placed again at once through another PBX: its trunk or PBX failed, or its end was
    /// never seen (its PBX lost it), which is CallPing's failure, not the callee's.
    /// </summary>
    public static bool ShouldRetryElsewhere(CallOutcome outcome) => outcome is CallOutcome.TrunkFailure or CallOutcome.Unknown;
}
