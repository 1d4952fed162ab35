namespace CallPing.Grains.Interfaces.Models;

/// <summary>How a project's contacts are called: ring each for RingTimeout, wait StepDelay before the next, go through the list Repeats times.</summary>
public sealed record EscalationPolicy(TimeSpan RingTimeout, TimeSpan StepDelay, int Repeats)
{
    public static EscalationPolicy Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), 3);
}
