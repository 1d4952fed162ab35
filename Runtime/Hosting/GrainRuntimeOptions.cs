using System.ComponentModel.DataAnnotations;

namespace CallPing.Runtime.Hosting;

/// <summary>Settings of grain calls and activations (configuration section "GrainRuntime").</summary>
public sealed class GrainRuntimeOptions
{
    public const string Section = "GrainRuntime";

    /// <summary>A call that has not completed after this fails with <see cref="GrainCallTimeoutException"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "GrainRuntime:{0} must be between {1} and {2}.")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Activations unused for this long are collected.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "GrainRuntime:{0} must be between {1} and {2}.")]
    public TimeSpan IdleCollectionAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many times, at least, a call runs when its state write keeps losing ETag races (with a short random pause
    /// between runs); beyond that it runs again while half the call timeout is left. A fixed count alone (the design's
    /// three, and twenty under load) let one of two processes writing one grain flat out fail calls.
    /// </summary>
    [Range(1, 100, ErrorMessage = "GrainRuntime:{0} must be between {1} and {2}.")]
    public int ConflictTries { get; set; } = 20;
}
