namespace CallPing.PbxSimulator.Scripting;

/// <summary>How the phone behind one dialled number behaves. Build with the static factories and <c>with</c>.</summary>
public sealed record PhoneScript
{
    public PhoneBehavior Behavior { get; init; } = PhoneBehavior.Answers;

    /// <summary>Ringing time before answering (<see cref="PhoneBehavior.Answers"/>) or before failing.</summary>
    public TimeSpan RingFor { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Keys pressed after answering.</summary>
    public IReadOnlyList<ScriptedKey> Keys { get; init; } = [];

    /// <summary>The callee hangs up this long after answering; null = stays on the line until we hang up.</summary>
    public TimeSpan? HangUpAfter { get; init; }

    /// <summary>Q.850 cause for <see cref="PhoneBehavior.Fails"/>.</summary>
    public int Cause { get; init; }

    /// <summary>dialstatus of the final Dial event; null = derived from the cause.</summary>
    public string? DialStatus { get; init; }

    /// <summary>SIP status reported as tech_cause; null = derived from the cause.</summary>
    public int? TechCause { get; init; }

    /// <summary>
    /// The callee keys in the first number read to it (a <c>digits:</c> medium played whole), a key every 100 ms after it,
    /// as a person types back a verification code they just heard.
    /// </summary>
    public bool KeysInDigitsHeard { get; init; }

    /// <summary>How long the PBX takes to answer the originate request for this number.</summary>
    public TimeSpan OriginateDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The default for unscripted numbers: answers after 200 ms and stays on the line silently.</summary>
    public static PhoneScript Default { get; } = new();

    public static PhoneScript Answers(TimeSpan after, params ScriptedKey[] keys) =>
        new() { RingFor = after, Keys = keys };

    /// <summary>Answers, then presses each digit in turn, the first <paramref name="firstAfter"/> the answer, then every <paramref name="gap"/>.</summary>
    public static PhoneScript AnswersAndPresses(TimeSpan after, string digits, TimeSpan firstAfter, TimeSpan gap) =>
        Answers(after, [.. digits.Select((d, i) => new ScriptedKey(d.ToString(), firstAfter + (gap * i)))]);

    /// <summary>Answers and keys in the first code read to it.</summary>
    public static PhoneScript AnswersAndKeysInTheCode() => new() { KeysInDigitsHeard = true };

    public static PhoneScript RingsWithoutAnswer() => new() { Behavior = PhoneBehavior.RingsWithoutAnswer };

    /// <summary>A trunk that never answers: no ringing, then cause 19 (SIP 480) at the originate timeout.</summary>
    public static PhoneScript TrunkSilent() => new() { Behavior = PhoneBehavior.TrunkSilent };

    public static PhoneScript Busy() => Fails(17) with { RingFor = TimeSpan.Zero };

    public static PhoneScript Rejects(TimeSpan ringFor) => Fails(21) with { RingFor = ringFor };

    /// <summary>Cause 34 (congestion, SIP 503) by default; 38 (network out of order, SIP 500) and the like also work.</summary>
    public static PhoneScript TrunkFailure(int cause = 34) => Fails(cause) with { RingFor = TimeSpan.Zero };

    public static PhoneScript UnknownNumber() => Fails(1) with { RingFor = TimeSpan.Zero };

    public static PhoneScript Fails(int cause) => new() { Behavior = PhoneBehavior.Fails, Cause = cause };
}
