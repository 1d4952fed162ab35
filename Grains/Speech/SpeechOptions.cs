using System.ComponentModel.DataAnnotations;

namespace CallPing.Grains.Speech;

/// <summary>How speech is rendered (configuration section "Speech"): bounds that keep a rendering from hurting calls.</summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";

    /// <summary>The espeak-ng executable (Debian package espeak-ng).</summary>
    [Required]
    public string Espeak { get; set; } = "espeak-ng";

    /// <summary>A rendering that takes longer is killed; the call falls back to the PBX's own sounds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Speech:{0} must be between {1} and {2}.")]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a media fetch waits for a rendering in progress: under Asterisk's timeout_secs (5 s, see the README), so
    /// that the PBX gets an answer, not a timeout that holds the call twice as long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30", ErrorMessage = "Speech:{0} must be between {1} and {2}.")]
    public TimeSpan FetchWait { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Renderings run at once per silo; more wait, so that a storm of different texts leaves the CPU to the calls.</summary>
    [Range(1, 64, ErrorMessage = "Speech:{0} must be between {1} and {2}.")]
    public int MaxConcurrentRenders { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);
}
