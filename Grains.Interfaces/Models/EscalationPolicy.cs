namespace CallPing.Grains.Interfaces.Models;

/// <summary>How a project's contacts are called: ring each for RingTimeout, wait StepDelay before the next, go through the list Repeats times.</summary>
[GenerateSerializer, Immutable, Alias("callping.EscalationPolicy")]
public sealed record EscalationPolicy(
    [property: Id(0)] TimeSpan RingTimeout,
    [property: Id(1)] TimeSpan StepDelay,
    [property: Id(2)] int Repeats)
{
    public static EscalationPolicy Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), 3);
}
