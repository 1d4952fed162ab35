namespace CallPing.Grains.Calls;

/// <summary>
/// The keys of an alert call and what it plays when its spoken prompts cannot be (no Pbx:MediaBaseUrl, or the PBX
/// failed to fetch or play the URL): Asterisk's core sounds, which a PBX has without anything of CallPing's installed.
/// </summary>
public static class AlertPrompt
{
    public const string AcknowledgeKey = "1";

    public const string PassOnKey = "2";

    public const string RepeatKey = "9";

    /// <summary>
    /// How long the callee has to press a key after the prompt starts: a spoken alert lasts up to about 30 s (a short
    /// pause, the project and severity, a summary of at most about 20 s, the menu), then 20 s to decide.
    /// </summary>
    public static readonly TimeSpan KeyWait = TimeSpan.FromSeconds(50);

    /// <summary>A beep and "press one": the key that matters, in the PBX's own words.</summary>
    public static IReadOnlyList<string> FallbackAlert { get; } = ["sound:beep", "sound:vm-press", "digits:1"];

    /// <summary>"Thank you. Goodbye."</summary>
    public static IReadOnlyList<string> FallbackAcknowledged { get; } = ["sound:auth-thankyou", "sound:vm-goodbye"];

    /// <summary>"Goodbye."</summary>
    public static IReadOnlyList<string> FallbackPassedOn { get; } = ["sound:vm-goodbye"];
}
