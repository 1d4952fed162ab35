using System.ComponentModel.DataAnnotations;

namespace CallPing.WebFrontend.Intake;

/// <summary>Limits of alert intake (configuration section "Intake").</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Requests per second one API key may make; its bucket holds as many, so a burst of that size passes at once.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Intake:{0} must be between {1} and {2}.")]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests over the limit that wait for a permit instead of getting 429 at once.</summary>
    [Range(0, 10_000, ErrorMessage = "Intake:{0} must be between {1} and {2}.")]
    public int QueueLimit { get; set; }

    /// <summary>
    /// Alerts this node hands to the grains at once; more wait their turn, in the order they came. A storm then waits
    /// at the door instead of inside, where its work would hold up the first calls of the alerts already accepted.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Intake:{0} must be between {1} and {2}.")]
    public int MaxInFlight { get; set; } = 32;

    /// <summary>Largest request body, in bytes; a larger one gets 413.</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Intake:{0} must be between {1} and {2}.")]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest details JSON kept with an alert, in UTF-8 bytes.</summary>
    [Range(256, 16 * 1024 * 1024, ErrorMessage = "Intake:{0} must be between {1} and {2}.")]
    public int MaxDetailsBytes { get; set; } = 16 * 1024;

    /// <summary>Deepest JSON nesting accepted in a body.</summary>
    [Range(4, 64, ErrorMessage = "Intake:{0} must be between {1} and {2}.")]
    public int MaxDepth { get; set; } = 32;
}
