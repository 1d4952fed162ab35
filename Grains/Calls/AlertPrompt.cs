namespace CallPing.Grains.Calls;

/// <summary>
/// What an answered alert call plays. ARI has no text-to-speech, so these are sound files the PBX must have
/// (installed with CallPing's Asterisk sounds: callping/alert = "CallPing alert.", callping/menu = "Press 1 to
/// acknowledge, 2 to pass to the next person, 9 to repeat.", callping/acknowledged = "Acknowledged. Goodbye.").
/// </summary>
public static class AlertPrompt
{
    public const string Intro = "sound:callping/alert";

    public const string Menu = "sound:callping/menu";

    public const string Acknowledged = "sound:callping/acknowledged";

    public const string AcknowledgeKey = "1";

    public const string PassOnKey = "2";

    public const string RepeatKey = "9";

    /// <summary>How long the callee has to press a key after the prompt starts.</summary>
    public static readonly TimeSpan KeyWait = TimeSpan.FromSeconds(20);

    public static IReadOnlyList<string> Prompt { get; } = [Intro, Menu];
}
