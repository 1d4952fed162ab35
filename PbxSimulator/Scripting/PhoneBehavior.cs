namespace CallPing.PbxSimulator.Scripting;

/// <summary>What the far end does with a call.</summary>
public enum PhoneBehavior
{
    /// <summary>Rings, then picks up (and may press keys and hang up).</summary>
    Answers,

    /// <summary>Rings until the originate timeout (cause 19).</summary>
    RingsWithoutAnswer,

    /// <summary>The trunk never answers the INVITE (no 100/180): the channel stays Down until the originate timeout (cause 19).</summary>
    TrunkSilent,

    /// <summary>The call fails with a cause: busy, rejected, trunk failure, unknown number...</summary>
    Fails,
}
