using System.ComponentModel.DataAnnotations;

namespace CallPing.Grains.Projects;

/// <summary>
/// How often one phone number may be called, across all alerts and projects. Not bound to configuration by default:
/// the grains see these defaults unless a host registers <c>services.Configure&lt;NumberLimitOptions&gt;(...)</c>.
/// </summary>
public sealed class NumberLimitOptions
{
    public const string Section = "NumberLimits";

    /// <summary>Calls allowed to one number within <see cref="Window"/>.</summary>
    [Range(1, 1000)]
    public int MaxCalls { get; set; } = 5;

    /// <summary>The sliding window the calls are counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Verification and test calls allowed to one number within <see cref="PortalWindow"/>, whoever asks: anyone can add
    /// anyone's number to their account, so without it a stranger could ring a phone over and over.
    /// </summary>
    [Range(1, 100)]
    public int MaxPortalCalls { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PortalWindow { get; set; } = TimeSpan.FromHours(1);
}
